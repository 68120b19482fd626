package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import network.mtc.routing.sync.ItemKey;
import network.mtc.routing.sync.RangeReconciler;
import network.mtc.routing.sync.SyncItemSet;
import network.mtc.routing.sync.SyncMessage;
import network.mtc.routing.sync.SyncMessageCodec;
import network.mtc.wire.MtcDecodeException;

/**
 * The reconciler under hostile peers: the input is a sequence of length-prefixed SYNC payloads fed to a
 * responder (first byte even) or to an initiator that has opened. Whatever arrives, nothing but
 * MtcDecodeException is thrown, every reply encodes within the payload budget, a side never sends more
 * than MAX_MESSAGES, and what it learns stays bounded (pushes only keys it holds).
 */
public class RangeReconcilerFuzzTest {
  private static final SyncItemSet ITEMS;

  static {
    List<ItemKey> ks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ks.add(new ItemKey((1_800_000_000L + i * 7L) << 32 | i * 0x9E3779B9L, i * 0xBF58476D1CE4E5B9L));
    }
    ITEMS = SyncItemSet.of(ks);
  }

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    boolean responder = (data[0] & 1) == 0;
    int branch = 2 + (data[0] & 0xFF) % 31;
    RangeReconciler r = responder ? RangeReconciler.responder(ITEMS, 1000)
        : RangeReconciler.initiator(ITEMS, 0x01020304, 42, branch, 1000);
    if (!responder) {
      r.open(0);
    }
    int p = 1;
    long now = 0;
    while (p + 2 <= data.length) {
      int len = ((data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF)) % 4100;
      p += 2;
      len = Math.min(len, data.length - p);
      try {
        SyncMessage m = SyncMessageCodec.decode(data, p, len);
        for (SyncMessage reply : r.receive(m, now++)) {
          Properties.check(SyncMessageCodec.encode(reply).length <= SyncMessageCodec.MAX_PAYLOAD,
              "reply over budget");
        }
      } catch (MtcDecodeException expected) {
        // rejected input or protocol violation: the only exception allowed
      }
      p += len;
      Properties.check(r.messagesSent() <= RangeReconciler.MAX_MESSAGES, "too many messages");
      for (ItemKey k : r.peerLacks()) {
        Properties.check(ITEMS.contains(k), "would push a key it does not hold");
      }
      Properties.check(r.selfLacks().size() <= (long) RangeReconciler.MAX_MESSAGES
          * SyncMessageCodec.MAX_PAYLOAD / ItemKey.LENGTH, "unbounded learning");
    }
  }
}
