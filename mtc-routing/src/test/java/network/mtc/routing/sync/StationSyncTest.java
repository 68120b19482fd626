package network.mtc.routing.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.runtime.Clock;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.Frame;
import network.mtc.wire.frame.FrameDecoder;
import network.mtc.wire.frame.FrameView;
import org.junit.jupiter.api.Test;

class StationSyncTest {
  static final long NOW = 1_800_000_000L;

  static final Clock CLOCK = new Clock() {
    long ms;

    @Override
    public long nowMillis() {
      return ms += 10;
    }

    @Override
    public long unixSeconds() {
      return NOW;
    }
  };

  static byte[] frame(int id, int hop, long src) {
    return new Frame(1, hop, id, new NodeAddress(src), new NodeAddress(0x99), OptionalLong.empty(),
        List.of(new Tlv(2, Bytes.copyOf(Varint.encode(NOW + 600)))), Bytes.copyOf(new byte[] {(byte) id}),
        null).encode();
  }

  /** A store over a TreeMap keyed by ItemKey. */
  static final class MapStore implements SyncStore {
    final TreeMap<ItemKey, byte[]> frames = new TreeMap<>();

    @Override
    public SyncItemSet items() {
      return SyncItemSet.of(frames.keySet());
    }

    @Override
    public byte[] frame(ItemKey key) {
      return frames.get(key);
    }

    @Override
    public boolean accept(byte[] frame) {
      FrameView v = new FrameView();
      FrameDecoder.decode(frame, 0, frame.length, v);
      return frames.putIfAbsent(ItemKey.ofFrame(v), frame) == null;
    }
  }

  /** Connects two sessions directly; messages are delivered by pump(). */
  static final class Wire implements SyncTransport {
    final List<byte[]> syncs = new ArrayList<>();
    final List<byte[]> frames = new ArrayList<>();

    @Override
    public void sendSync(byte[] payload) {
      syncs.add(payload);
    }

    @Override
    public void sendFrame(byte[] frame) {
      frames.add(frame);
    }
  }

  static void pump(SyncSession a, Wire aOut, SyncSession b, Wire bOut) {
    for (int guard = 0; guard < 100 && !(aOut.syncs.isEmpty() && bOut.syncs.isEmpty()
        && aOut.frames.isEmpty() && bOut.frames.isEmpty()); guard++) {
      deliver(aOut, b);
      deliver(bOut, a);
    }
  }

  static void deliver(Wire out, SyncSession to) {
    List<byte[]> f = new ArrayList<>(out.frames);
    out.frames.clear();
    f.forEach(to::onFrame);
    List<byte[]> s = new ArrayList<>(out.syncs);
    out.syncs.clear();
    for (byte[] p : s) {
      assertTrue(to.onSync(p, 0, p.length, 0));
    }
  }

  @Test
  void nodeAndStationExchangeOnlyTheDifferenceAndTheStationUplinksWhatItLearned() {
    SigningKey stationKey = SigningKey.fromSeed(new byte[32]);
    SigningKey otherKey = SigningKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    InMemoryUplink.Hub hub = new InMemoryUplink.Hub();
    InMemoryUplink up = hub.connect();
    InMemoryUplink otherUp = hub.connect();
    List<byte[]> injected = new ArrayList<>();
    StationBridge bridge = new StationBridge(stationKey, up, a -> null, f -> { }, CLOCK);
    StationBridge other = new StationBridge(otherKey, otherUp,
        a -> a.equals(stationKey.nodeAddress()) ? stationKey.publicKey() : null, injected::add, CLOCK);
    bridge.start();
    other.start();

    MapStore node = new MapStore();
    MapStore station = new MapStore();
    for (int i = 0; i < 500; i++) {
      byte[] f = frame(i, 7, 0x1000 + i % 5);
      node.accept(f);
      station.accept(f);
    }
    for (int i = 500; i < 510; i++) {
      node.accept(frame(i, 5, 0x2000 + i % 2));
    }
    for (int i = 600; i < 603; i++) {
      station.accept(frame(i, 5, 0x3000));
    }
    StationSync sync = new StationSync(station, bridge);
    Wire nodeOut = new Wire();
    Wire stationOut = new Wire();
    SyncSession stationSide = sync.accept(stationOut, 0);
    assertNotNull(stationSide);
    SyncSession nodeSide = SyncSession.initiate(node, nodeOut, 1234, 0xABCDEFL, 0, f -> { });
    pump(nodeSide, nodeOut, stationSide, stationOut);

    assertEquals(RangeReconciler.Status.DONE, nodeSide.reconciler().status());
    assertEquals(RangeReconciler.Status.DONE, stationSide.reconciler().status());
    assertEquals(node.frames.keySet(), station.frames.keySet(), "both hold the union");
    assertEquals(513, node.frames.size());
    assertEquals(10, nodeSide.framesPushed());
    assertEquals(3, stationSide.framesPushed());
    assertEquals(10, stationSide.framesNew());
    // The station uplinked exactly the 10 frames it learned; the other station received them, clamped.
    assertEquals(10, up.published().size());
    assertEquals(10, injected.size());
    for (byte[] f : injected) {
      assertEquals(StationBridge.DOWNLINK_HOPS, f[2]);
    }
    assertEquals(10, bridge.dropped(StationBridge.Drop.OWN_ECHO));
    // When the mesh relays a downlinked frame back to the other station, it is never uplinked again.
    assertFalse(other.uplink(injected.get(0)));
    assertEquals(1, other.dropped(StationBridge.Drop.VIA_STATION));
  }

  @Test
  void downlinkRulesRejectUntrustedControlAndFloods() {
    SigningKey a = SigningKey.fromSeed(new byte[32]);
    byte[] seed = new byte[32];
    seed[0] = 9;
    SigningKey b = SigningKey.fromSeed(seed);
    InMemoryUplink.Hub hub = new InMemoryUplink.Hub();
    List<byte[]> injected = new ArrayList<>();
    StationBridge bridge = new StationBridge(b, hub.connect(),
        x -> x.equals(a.nodeAddress()) ? a.publicKey() : null, injected::add, CLOCK);
    bridge.start();
    bridge.onDownlink(StationEnvelope.sign(b, NOW, false, frame(1, 3, 7)));
    assertEquals(1, bridge.dropped(StationBridge.Drop.OWN_ECHO));
    StationEnvelope good = StationEnvelope.sign(a, NOW, false, frame(2, 3, 7));
    byte[] forged = good.encode();
    forged[forged.length - 70] ^= 1;
    bridge.onDownlink(StationEnvelope.decode(forged));
    assertEquals(1, bridge.dropped(StationBridge.Drop.UNTRUSTED));
    for (int i = 0; i < 50; i++) {
      bridge.onDownlink(StationEnvelope.sign(a, NOW, false, frame(100 + i, 9, 7)));
    }
    assertEquals(StationBridge.ORIGIN_BURST, injected.size(), "per-origin burst, then rate limited");
    assertTrue(bridge.dropped(StationBridge.Drop.RATE_LIMITED) > 0);
  }

  @Test
  void outboxIsBoundedAndDropsOldest() {
    SigningKey k = SigningKey.fromSeed(new byte[32]);
    InMemoryUplink up = new InMemoryUplink.Hub().connect();
    StationBridge bridge = new StationBridge(k, up, x -> null, f -> { }, CLOCK);
    bridge.start();
    up.setCredit(false);
    for (int i = 0; i < StationBridge.OUTBOX_CAPACITY + 5; i++) {
      assertTrue(bridge.uplink(frame(i, 1, 3)));
    }
    assertEquals(StationBridge.OUTBOX_CAPACITY, bridge.outboxSize());
    assertEquals(5, bridge.dropped(StationBridge.Drop.OUTBOX_OVERFLOW));
    up.setCredit(true);
    assertEquals(0, bridge.outboxSize());
    assertArrayEquals(frame(5, 1, 3), up.published().get(0).frame().toByteArray(), "oldest dropped");
  }

  @Test
  void envelopeRoundTripAndRejections() {
    SigningKey k = SigningKey.fromSeed(new byte[32]);
    StationEnvelope e = StationEnvelope.sign(k, NOW, true, frame(3, 2, 5));
    byte[] enc = e.encode();
    StationEnvelope d = StationEnvelope.decode(enc);
    assertEquals(e, d);
    assertTrue(d.verify(k.publicKey()));
    byte[] bad = enc.clone();
    bad[0] = 'x';
    assertEquals(DecodeError.INVALID_VALUE, assertThrows(MtcDecodeException.class,
        () -> StationEnvelope.decode(bad)).code());
    byte[] reserved = enc.clone();
    reserved[14 + 8 + Varint.encodedLength(NOW)] |= 1;
    assertEquals(DecodeError.RESERVED, assertThrows(MtcDecodeException.class,
        () -> StationEnvelope.decode(reserved)).code());
  }
}
