package network.mtc.channels.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JournalFormatTest {
  @Test
  void reservedRecordLayout() {
    byte[] id = new byte[32];
    id[0] = 0x11;
    byte[] h = new byte[32];
    h[31] = 0x22;
    byte[] rec = JournalFormat.encode(new JournalRecord.SignatureReserved(id, 0x0102030405060708L, h));
    String hex = HexFormat.of().formatHex(rec);
    // length 73 (0x49), type 1, id, nonce, hash, then the CRC-32C of the first 77 bytes.
    assertEquals("0000004901" + "11" + "00".repeat(31) + "0102030405060708" + "00".repeat(31) + "22",
        hex.substring(0, hex.length() - 8));
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(rec, 0, rec.length - 4);
    assertEquals(String.format("%08x", crc.getValue()), hex.substring(hex.length() - 8));
  }

  @Test
  void proposalRecordLayoutAndScan() {
    byte[] id = new byte[32];
    id[0] = 0x11;
    byte[] h = new byte[32];
    h[31] = 0x22;
    JournalRecord r = new JournalRecord.ProposalReserved(id, 9, h, new byte[] {(byte) 0xAB, (byte) 0xCD});
    byte[] rec = JournalFormat.encode(r);
    String hex = HexFormat.of().formatHex(rec);
    // length 75 (0x4b), type 3, id, nonce, hash, the proposal bytes, CRC-32C.
    assertEquals("0000004b03" + "11" + "00".repeat(31) + "0000000000000009" + "00".repeat(31) + "22" + "abcd",
        hex.substring(0, hex.length() - 8));
    byte[] file = new byte[JournalFormat.HEADER_LENGTH + rec.length];
    System.arraycopy(JournalFormat.header(), 0, file, 0, JournalFormat.HEADER_LENGTH);
    System.arraycopy(rec, 0, file, JournalFormat.HEADER_LENGTH, rec.length);
    JournalFormat.Scan scan = JournalFormat.scan(file, file.length);
    assertEquals(JournalFormat.Stop.CLEAN, scan.stop());
    assertEquals(java.util.List.of(r), scan.records());
  }

  @Test
  void crc32cIsTheCastagnoliPolynomial() {
    // RFC 3720 B.4: CRC-32C of 32 zero bytes is 0x8a9136aa.
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(new byte[32]);
    assertEquals(0x8a9136aaL, crc.getValue());
  }
}
