package network.mtc.channels.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import org.junit.jupiter.api.Test;

class WitnessTest {
  static final SigningKey ARRON = SigningKey.fromSeed(seed(1));
  static final SigningKey TOM = SigningKey.fromSeed(seed(2));
  static final SigningKey WITNESS = SigningKey.fromSeed(seed(3));
  static final byte[] CHANNEL = seed(9);

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  @Test
  void locatorIsTheDomainSeparatedHashPrefix() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("mtc-witness-locator-v1".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(Arrays.copyOf(sha.digest(CHANNEL), 16), Locator.of(CHANNEL));
  }

  @Test
  void appointmentRoundTripsAndOpensOnlyWithTheChannelId() {
    byte[] state = "co-signed state 7".getBytes(StandardCharsets.US_ASCII);
    Appointment a = Appointment.create(ARRON, CHANNEL, 7, state);
    assertTrue(a.verify().isValid());
    byte[] enc = a.encode();
    assertEquals(59 + state.length + 16 + 64, enc.length);
    Appointment back = WitnessCodec.decodeAppointment(enc, 0, enc.length);
    assertEquals(a, back);
    assertArrayEquals(state, back.open(CHANNEL));
    assertThrows(AeadException.class, () -> back.open(seed(8)));
    assertFalse(new String(enc, StandardCharsets.ISO_8859_1).contains("co-signed"));
  }

  @Test
  void everyBitOfAnAppointmentIsCoveredBySignatureOrDecoder() {
    byte[] enc = Appointment.create(ARRON, CHANNEL, 7, new byte[5]).encode();
    for (int bit = 8; bit < enc.length * 8; bit++) {
      byte[] bad = enc.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        assertFalse(WitnessCodec.decodeAppointment(bad, 0, bad.length).verify().isValid(), "bit " + bit);
      } catch (MtcDecodeException rejected) {
        // structure broken: fine
      }
    }
  }

  @Test
  void receiptRoundTripsAndCoversItsAppointment() {
    Appointment a = Appointment.create(ARRON, CHANNEL, 7, new byte[40]);
    WitnessReceipt r = WitnessReceipt.issue(WITNESS, a, 123_456);
    byte[] enc = r.encode();
    assertEquals(WitnessReceipt.LENGTH, enc.length);
    WitnessReceipt back = WitnessCodec.decodeReceipt(enc, 0, enc.length);
    assertEquals(r, back);
    assertTrue(back.covers(a));
    assertFalse(back.covers(Appointment.create(ARRON, CHANNEL, 8, new byte[40])));
    Appointment toms = Appointment.create(TOM, CHANNEL, 7, new byte[40]);
    assertTrue(Arrays.equals(a.blob(), toms.blob()), "both parties' appointments of one state share the blob");
    assertFalse(back.covers(toms), "a receipt for Arron's slot says nothing of Tom's");
    assertTrue(Arrays.equals(ARRON.publicKey().toBytes(), back.submitter()));
    for (int i = 0; i < enc.length; i++) {
      byte[] bad = enc.clone();
      bad[i] ^= 1;
      try {
        assertFalse(WitnessCodec.decodeReceipt(bad, 0, bad.length).verify().isValid(), "byte " + i);
      } catch (MtcDecodeException rejected) {
        assertTrue(i < 65, "byte " + i + ": " + rejected.getMessage());
      }
    }
  }

  @Test
  void decoderRejectionsAreTyped() {
    byte[] enc = WitnessReceipt.issue(WITNESS, Appointment.create(TOM, CHANNEL, 1, new byte[1]), 9).encode();
    assertEquals(DecodeError.TRUNCATED, code(() -> WitnessCodec.decodeReceipt(enc, 0, 0)));
    assertEquals(DecodeError.TRUNCATED, code(() -> WitnessCodec.decodeReceipt(enc, 0, 192)));
    byte[] longer = Arrays.copyOf(enc, 194);
    assertEquals(DecodeError.TRAILING_BYTES, code(() -> WitnessCodec.decodeReceipt(longer, 0, 194)));
    byte[] v2 = enc.clone();
    v2[0] = 2;
    assertEquals(DecodeError.UNSUPPORTED_VERSION, code(() -> WitnessCodec.decodeReceipt(v2, 0, v2.length)));
    byte[] smallOrderKey = enc.clone();
    Arrays.fill(smallOrderKey, 1, 33, (byte) 0);
    smallOrderKey[1] = 1;   // the identity point: a small-order key
    assertEquals(DecodeError.INVALID_VALUE,
        code(() -> WitnessCodec.decodeReceipt(smallOrderKey, 0, smallOrderKey.length)));
    byte[] smallOrderSubmitter = enc.clone();
    Arrays.fill(smallOrderSubmitter, 33, 65, (byte) 0);
    smallOrderSubmitter[33] = 1;
    assertEquals(DecodeError.INVALID_VALUE,
        code(() -> WitnessCodec.decodeReceipt(smallOrderSubmitter, 0, smallOrderSubmitter.length)));

    byte[] app = Appointment.create(TOM, CHANNEL, 1, new byte[1]).encode();
    byte[] huge = app.clone();
    huge[57] = (byte) 0xff;
    assertEquals(DecodeError.TOO_LONG, code(() -> WitnessCodec.decodeAppointment(huge, 0, huge.length)));
    byte[] tiny = app.clone();
    tiny[57] = 0;
    tiny[58] = 15;
    assertEquals(DecodeError.INVALID_VALUE, code(() -> WitnessCodec.decodeAppointment(tiny, 0, tiny.length)));
    assertEquals(DecodeError.TRUNCATED, code(() -> WitnessCodec.decodeAppointment(app, 0, app.length - 1)));
  }

  private static DecodeError code(Runnable r) {
    return assertThrows(MtcDecodeException.class, r::run).code();
  }

  @Test
  void storeKeepsTheHighestNoncePerSlotAndRefusesStaleOnes() {
    WitnessStore store = new WitnessStore(WITNESS, 10, 1_000);
    Appointment a5 = Appointment.create(ARRON, CHANNEL, 5, new byte[3]);
    Appointment a6 = Appointment.create(ARRON, CHANNEL, 6, new byte[3]);
    assertEquals(WitnessStore.Outcome.STORED, store.admit(a5, 0).outcome());
    WitnessStore.Admission r = store.admit(a6, 10);
    assertEquals(WitnessStore.Outcome.REPLACED, r.outcome());
    assertTrue(r.receipt().covers(a6));
    assertEquals(1_010, r.receipt().storedUntil());
    assertEquals(WitnessStore.Outcome.STALE, store.admit(a5, 20).outcome());
    assertNull(store.admit(a5, 20).receipt());
    assertEquals(WitnessStore.Outcome.DUPLICATE, store.admit(a6, 30).outcome());
    // A stranger's higher-numbered forgery takes its own slot and does not displace Arron's.
    SigningKey mallory = SigningKey.fromSeed(seed(66));
    Appointment forged = new Appointment(a6.locator(), 1_000, mallory.publicKey().toBytes(), new byte[16],
        new byte[64]);
    assertEquals(WitnessStore.Outcome.BAD_SIGNATURE, store.admit(forged, 40).outcome());
    Appointment t7 = Appointment.create(TOM, CHANNEL, 7, new byte[3]);
    assertEquals(WitnessStore.Outcome.STORED, store.admit(t7, 50).outcome());
    assertEquals(2, store.size());
    assertEquals(7, store.latest(Locator.of(CHANNEL)).orElseThrow().nonce());
  }

  @Test
  void atCloseTheWitnessOpensEverySlotHighestNonceFirstAndSkipsJunk() {
    WitnessStore store = new WitnessStore(WITNESS, 10, 1_000);
    store.admit(Appointment.create(ARRON, CHANNEL, 5, "five".getBytes(StandardCharsets.US_ASCII)), 0);
    store.admit(Appointment.create(TOM, CHANNEL, 6, "six".getBytes(StandardCharsets.US_ASCII)), 0);
    // A stranger who saw the locator files a signed appointment whose blob is not for this channel.
    SigningKey mallory = SigningKey.fromSeed(seed(66));
    Appointment junk = Appointment.create(mallory, seed(77), 99, new byte[4]);
    Appointment underLocator = resign(mallory, Locator.of(CHANNEL), 99, junk.blob());
    assertEquals(WitnessStore.Outcome.STORED, store.admit(underLocator, 0).outcome());
    assertEquals(3, store.size());
    java.util.List<WitnessStore.Opened> opened = store.openForClose(CHANNEL);
    assertEquals(2, opened.size());
    assertEquals(6, opened.get(0).nonce());
    assertArrayEquals("six".getBytes(StandardCharsets.US_ASCII), opened.get(0).coSignedState());
    assertArrayEquals("five".getBytes(StandardCharsets.US_ASCII), opened.get(1).coSignedState());
    assertTrue(store.openForClose(seed(10)).isEmpty());
  }

  /** An appointment with arbitrary fields, correctly signed by {@code key}. */
  private static Appointment resign(SigningKey key, byte[] locator, long nonce, byte[] blob) {
    byte[] body = java.nio.ByteBuffer.allocate(59 + blob.length).put((byte) 1).put(locator).putLong(nonce)
        .put(key.publicKey().toBytes()).putShort((short) blob.length).put(blob).array();
    byte[] msg = new byte["mtc-witness-appointment-v1".length() + body.length];
    byte[] domain = "mtc-witness-appointment-v1".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(domain, 0, msg, 0, domain.length);
    System.arraycopy(body, 0, msg, domain.length, body.length);
    return new Appointment(locator, nonce, key.publicKey().toBytes(), blob, key.sign(msg));
  }

  @Test
  void storeIsBoundedEvictsTheLeastRecentlyUpdatedAndExpires() {
    WitnessStore store = new WitnessStore(WITNESS, 3, 1_000);
    for (int ch = 0; ch < 3; ch++) {
      store.admit(Appointment.create(ARRON, seed(20 + ch), 1, new byte[1]), ch);
    }
    store.admit(Appointment.create(ARRON, seed(20), 2, new byte[1]), 10);   // channel 20 refreshed
    store.admit(Appointment.create(ARRON, seed(30), 1, new byte[1]), 11);   // evicts channel 21 (oldest)
    assertEquals(3, store.size());
    assertTrue(store.latest(Locator.of(seed(21))).isEmpty());
    assertTrue(store.latest(Locator.of(seed(20))).isPresent());
    assertEquals(1, store.expire(1_002 + 1));   // channel 22, updated at 2
    assertEquals(2, store.size());
  }

  @Test
  void staggerSpreadsWitnessesInsideTheWindowAndIsDeterministic() {
    byte[] loc = Locator.of(CHANNEL);
    Set<Long> times = new HashSet<>();
    for (long w = 1; w <= 50; w++) {
      long t = SubmissionSchedule.submitAt(new NodeAddress(w), loc, 1_000, 1_000 + 86_400_000, 3_600_000);
      assertTrue(t >= 1_000 && t <= 1_000 + 86_400_000 - 3_600_000, "t " + t);
      assertEquals(t, SubmissionSchedule.submitAt(new NodeAddress(w), loc, 1_000, 1_000 + 86_400_000, 3_600_000));
      times.add(t);
    }
    assertTrue(times.size() >= 49, "witnesses collide: " + times.size());
    assertNotEquals(SubmissionSchedule.submitAt(new NodeAddress(1), loc, 0, 100, 0),
        SubmissionSchedule.submitAt(new NodeAddress(1), Locator.of(seed(10)), 0, 1_000_000, 0));
    assertEquals(5, SubmissionSchedule.submitAt(new NodeAddress(1), loc, 5, 10, 20));   // margin eats the window
  }
}
