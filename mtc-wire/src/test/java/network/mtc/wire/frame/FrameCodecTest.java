package network.mtc.wire.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.Varint;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  static Frame randomFrame(SplittableRandom rnd) {
    int type = 1 + rnd.nextInt(63);
    boolean unicast = type == 2 || type != 3 && rnd.nextBoolean();
    boolean signed = type == 3 || rnd.nextInt(3) == 0;
    int hop = rnd.nextInt(256);
    List<Tlv> ext = new ArrayList<>();
    if (rnd.nextBoolean()) {
      ext.add(new Tlv(1, Bytes.copyOf(new byte[] {(byte) (hop + rnd.nextInt(256 - hop))})));
    }
    if (rnd.nextBoolean()) {
      ext.add(new Tlv(2, Bytes.copyOf(Varint.encode(rnd.nextLong() >>> rnd.nextInt(64)))));
    }
    if (rnd.nextBoolean()) {
      ext.add(new Tlv(4, bytes(rnd, 1 + rnd.nextInt(32))));
    }
    if (rnd.nextBoolean()) {
      ext.add(new Tlv(7 + 2L * rnd.nextInt(100), bytes(rnd, rnd.nextInt(10))));
    }
    return new Frame(type, hop, rnd.nextInt(), addr(rnd), unicast ? addr(rnd) : null,
        rnd.nextBoolean() ? OptionalLong.of(rnd.nextLong() >>> 32) : OptionalLong.empty(), ext,
        bytes(rnd, rnd.nextInt(rnd.nextBoolean() ? 40 : 2000)), signed ? bytes(rnd, 64) : null);
  }

  static NodeAddress addr(SplittableRandom rnd) {
    return new NodeAddress(rnd.nextLong() | 1);
  }

  static Bytes bytes(SplittableRandom rnd, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) rnd.nextInt(256);
    }
    return Bytes.copyOf(b);
  }

  @Test
  void decodeOfEncodeIsIdentity() {
    SplittableRandom rnd = new SplittableRandom(10);
    for (int i = 0; i < 20_000; i++) {
      Frame f = randomFrame(rnd);
      byte[] enc = f.encode();
      assertEquals(FrameEncoder.encodedLength(f), enc.length);
      assertEquals(f, FrameDecoder.decode(enc));
    }
  }

  @Test
  void headerBudgets() {
    NodeAddress a = new NodeAddress(1);
    NodeAddress b = new NodeAddress(2);
    assertEquals(15, Frame.broadcast(1, 1, a, Bytes.EMPTY).encode().length);
    assertEquals(23, Frame.unicast(1, 1, a, b, Bytes.EMPTY).encode().length);
    Frame seq = new Frame(1, 1, 1, a, b, OptionalLong.of(127), List.of(), Bytes.EMPTY, null);
    assertEquals(24, seq.encode().length, "unicast with a sequence below 2^7 stays within 24 bytes");
    Frame bseq = new Frame(1, 1, 1, a, null, OptionalLong.of(127), List.of(), Bytes.EMPTY, null);
    assertEquals(16, bseq.encode().length, "broadcast with a sequence below 2^7 stays within 16 bytes");
  }

  @Test
  void signedMessageExcludesHopLimitOnly() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 2_000; i++) {
      Frame f = randomFrame(rnd);
      Frame relayed = f.withHopLimit(rnd.nextInt(f.hopLimit() + 1));
      assertArrayEquals(f.signedMessage(), relayed.signedMessage());
      Frame signed = f.withSignature(bytes(rnd, 64));
      assertArrayEquals(signed.signedMessage(), f.withSignature(bytes(rnd, 64)).signedMessage());
      // The view computes the same bytes as the value.
      byte[] enc = signed.encode();
      FrameView v = new FrameView();
      FrameDecoder.decode(enc, 0, enc.length, v);
      byte[] m = new byte[v.signedMessageLength()];
      v.writeSignedMessage(m, 0);
      assertArrayEquals(signed.signedMessage(), m);
      // Any change to another field changes the signed message.
      Frame other = new Frame(f.type(), f.hopLimit(), f.messageId() ^ 1, f.source(), f.destination(),
          f.sequence(), f.extensions(), f.payload(), f.signature());
      assertTrue(!java.util.Arrays.equals(f.signedMessage(), other.signedMessage()));
    }
  }

  @Test
  void viewRewritesHopLimitInPlace() {
    Frame f = Frame.broadcast(9, 7, new NodeAddress(5), Bytes.fromHex("aabb"));
    byte[] enc = f.encode();
    FrameView v = new FrameView();
    FrameDecoder.decode(enc, 0, enc.length, v);
    v.setHopLimit(8);
    assertEquals(f.withHopLimit(8), FrameDecoder.decode(enc));
  }

  @Test
  void decodesAtAnOffsetWithRelativeErrorOffsets() {
    Frame f = Frame.unicast(3, 1, new NodeAddress(5), new NodeAddress(6), Bytes.fromHex("01"));
    byte[] enc = f.encode();
    byte[] buf = new byte[enc.length + 10];
    System.arraycopy(enc, 0, buf, 7, enc.length);
    FrameView v = new FrameView();
    FrameDecoder.decode(buf, 7, enc.length, v);
    assertEquals(f, v.toFrame());
    for (int i = 15; i < 23; i++) {
      buf[7 + i] = 0;
    }
    MtcDecodeException e = assertThrows(MtcDecodeException.class,
        () -> FrameDecoder.decode(buf, 7, enc.length, v));
    assertEquals(DecodeError.RESERVED, e.code());
    assertEquals(15, e.offset());
  }

  @Test
  void mutatedFramesAreRejectedOrReencodeExactly() {
    SplittableRandom rnd = new SplittableRandom(12);
    FrameView v = new FrameView();
    for (int i = 0; i < 50_000; i++) {
      byte[] enc = randomFrame(rnd).encode();
      int flips = 1 + rnd.nextInt(3);
      for (int k = 0; k < flips; k++) {
        enc[rnd.nextInt(Math.min(enc.length, 40))] ^= (byte) (1 << rnd.nextInt(8));
      }
      int len = rnd.nextInt(8) == 0 ? rnd.nextInt(enc.length + 1) : enc.length;
      try {
        FrameDecoder.decode(enc, 0, len, v);
      } catch (MtcDecodeException rejected) {
        continue;
      }
      byte[] again = v.toFrame().encode();
      assertArrayEquals(java.util.Arrays.copyOf(enc, len), again, "accepted bytes are canonical");
    }
  }

  @Test
  void constructorEnforcesTheDecoderRules() {
    NodeAddress a = new NodeAddress(1);
    assertThrows(IllegalArgumentException.class, () -> new Frame(2, 1, 1, a, null, OptionalLong.empty(),
        List.of(), Bytes.EMPTY, null));
    assertThrows(IllegalArgumentException.class, () -> new Frame(3, 1, 1, a, null, OptionalLong.empty(),
        List.of(), Bytes.EMPTY, null));
    assertThrows(IllegalArgumentException.class, () -> new Frame(1, 256, 1, a, null, OptionalLong.empty(),
        List.of(), Bytes.EMPTY, null));
    assertThrows(IllegalArgumentException.class, () -> new Frame(1, 5, 1, a, null, OptionalLong.empty(),
        List.of(new Tlv(1, Bytes.fromHex("04"))), Bytes.EMPTY, null));
    assertThrows(IllegalArgumentException.class, () -> new Frame(1, 5, 1, a, null, OptionalLong.empty(),
        List.of(new Tlv(6, Bytes.EMPTY)), Bytes.EMPTY, null));
    assertThrows(IllegalArgumentException.class, () -> Frame.broadcast(1, 1, a,
        Bytes.copyOf(new byte[Frame.MAX_LENGTH - 14])));
  }
}
