package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelMachine;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelSigner;
import network.mtc.channels.ChannelState;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.Payout;
import network.mtc.channels.Proposal;
import network.mtc.channels.SignatureType;
import network.mtc.channels.SignedState;
import network.mtc.channels.Transition;
import network.mtc.channels.Update;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/**
 * Channel state machine, in the manner of LDK's chanmon_consistency: the input is a stream of operations
 * (honest updates, forged or replayed messages, closes with any state seen so far, disputes, claims, ticks)
 * applied to one channel. The machine never throws; every state it reaches conserves the deposits; a
 * payout always pays out exactly the deposits; a rejection never changes the state; and the signatures the
 * machine accepts (proposals, countersignatures) never put one party's name on two different states at one
 * nonce (the race rule, spec/channels.md §8).
 */
public class ChannelMachineFuzzTest {
  private static final SigningKey K1 = SigningKey.fromSeed(fill(0xA1));
  private static final SigningKey K2 = SigningKey.fromSeed(fill(0xB2));
  private static final SigningKey A;
  private static final SigningKey B;
  private static final ChannelParams PARAMS;
  /** Operations per input: bounds the run time of one input. */
  private static final int MAX_OPS = 64;

  static {
    boolean swap = Arrays.compareUnsigned(K1.publicKey().toBytes(), K2.publicKey().toBytes()) > 0;
    A = swap ? K2 : K1;
    B = swap ? K1 : K2;
    PARAMS = new ChannelParams(7, Asset.MTC, A.publicKey(), B.publicKey(), Amount.of(1000), Amount.of(500),
        Amount.ZERO, Amount.ZERO, A.publicKey(), Bytes.copyOf(fill(0xF0)), ChannelParams.MIN_CHALLENGE_PERIOD);
  }

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  private static byte[] fill(int v) {
    byte[] x = new byte[32];
    Arrays.fill(x, (byte) v);
    return x;
  }

  private static SigningKey key(Party p) {
    return p == Party.A ? A : B;
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    ChannelState state = ChannelMachine.start(PARAMS);
    List<SignedState> seen = new ArrayList<>();
    List<List<HashLock>> seenLocks = new ArrayList<>();
    SignedState opening = SignedState.cosign(PARAMS.openingProof(), A, B);
    long now = 1_000_000;
    Map<Party, Map<Long, BalanceProof>> signedBy = new EnumMap<>(Party.class);
    signedBy.put(Party.A, new HashMap<>());
    signedBy.put(Party.B, new HashMap<>());
    int i = 0;
    for (int ops = 0; ops < MAX_OPS && i + 1 < data.length; ops++) {
      int op = data[i++] & 0x0F;
      int arg = data[i++] & 0xFF;
      Party p = (arg & 1) == 0 ? Party.A : Party.B;
      ChannelEvent e = null;
      if (op == 0) {
        e = new ChannelEvent.FundingConfirmed(opening, now);
      } else if (op <= 5 && state instanceof ChannelState.Open o) {
        Update u = switch (op) {
          case 1, 2 -> new Update.Payment(Amount.of(1 + arg * 3));
          case 3 -> new Update.AddLock(new HashLock(p, HashLock.hashOf(fill(arg & 0x0F)), Amount.of(1 + arg),
              now + arg));
          case 4 -> new Update.Unlock(Bytes.copyOf(fill(arg & 0x0F)));
          default -> new Update.ExpireLock(HashLock.hashOf(fill(arg & 0x0F)));
        };
        try {
          Proposal pr = ChannelMachine.propose(o, p, u, key(p));
          if ((arg & 0x80) != 0) {
            BalanceProof q = pr.proof();
            BalanceProof bent = new BalanceProof(q.ledgerId(), q.channelId(), q.asset(), q.nonce(),
                q.balanceA().plus(Amount.of(1)), q.balanceB(), q.feeA(), q.feeB(), q.locksRoot(), q.prevHash());
            pr = new Proposal(p, u, bent, pr.locks(), ChannelSigner.sign(key(p), SignatureType.STATE, bent));
          }
          e = new ChannelEvent.Propose(pr);
        } catch (IllegalStateException refused) {
          continue;
        }
      } else if (op == 6 && state instanceof ChannelState.Open o && o.pending() != null) {
        Party signer = (arg & 2) == 0 ? o.pending().proposer().other() : o.pending().proposer();
        e = new ChannelEvent.Countersign(signer, ChannelMachine.countersign(o, key(signer)));
      } else if (op == 7 && !seen.isEmpty()) {
        int k = arg % seen.size();
        e = new ChannelEvent.Reestablish(p, seen.get(k), seenLocks.get(k));
      } else if (op == 8) {
        now += arg * 1000L;
        e = new ChannelEvent.Tick(now);
      } else if (op == 9 && !seen.isEmpty()) {
        int k = arg % seen.size();
        e = new ChannelEvent.CloseUnilaterally(p, seen.get(k), seenLocks.get(k), now);
      } else if (op == 10 && !seen.isEmpty()) {
        e = new ChannelEvent.Dispute(p, seen.get(arg % seen.size()), now);
      } else if (op == 11) {
        e = new ChannelEvent.ClaimLock(Bytes.copyOf(fill(arg & 0x0F)), now);
      } else if ((op == 12 || op == 13) && state instanceof ChannelState.Open o) {
        BalanceProof close = ChannelMachine.closeProof(o.latest());
        e = new ChannelEvent.OfferClose(p, ChannelSigner.sign(key(p), SignatureType.COOPERATIVE_CLOSE, close));
      } else if ((op == 12 || op == 13) && state instanceof ChannelState.Closing c) {
        e = new ChannelEvent.AcceptClose(p, ChannelSigner.sign(key(p), SignatureType.COOPERATIVE_CLOSE,
            c.closeProof()));
      } else if (op == 14) {
        now -= arg;
        e = new ChannelEvent.Tick(now);
      }
      if (e == null) {
        continue;
      }
      Transition t = ChannelMachine.apply(state, e);
      if (t instanceof Transition.Accepted acc) {
        if (e instanceof ChannelEvent.Propose pe) {
          signs(signedBy, pe.proposal().proposer(), pe.proposal().proof());
        } else if (e instanceof ChannelEvent.Countersign ce && state instanceof ChannelState.Open o) {
          signs(signedBy, ce.signer(), o.pending().proof());
        }
        state = acc.next();
        if (state instanceof ChannelState.Open o && (seen.isEmpty()
            || !seen.get(seen.size() - 1).equals(o.latest()))) {
          seen.add(o.latest());
          seenLocks.add(o.locks());
        }
      }
      check(state);
    }
  }

  private static void signs(Map<Party, Map<Long, BalanceProof>> signedBy, Party who, BalanceProof proof) {
    BalanceProof before = signedBy.get(who).putIfAbsent(proof.nonce(), proof);
    Properties.check(before == null || before.equals(proof),
        who + " signed two different states at nonce " + proof.nonce());
  }

  private static void check(ChannelState s) {
    if (s instanceof ChannelState.Open o) {
      BalanceProof p = o.latest().proof();
      Amount sum = p.balanceA().plus(p.balanceB()).plus(HashLock.lockedBy(o.locks(), Party.A))
          .plus(HashLock.lockedBy(o.locks(), Party.B));
      Properties.check(sum.equals(PARAMS.total()), "open state does not conserve the deposits");
      Properties.check(HashLock.root(o.locks()).equals(p.locksRoot()), "locks differ from the root");
    } else if (s instanceof ChannelState.Settled st) {
      paysDeposits(st.payout());
    } else if (s instanceof ChannelState.Penalised pen) {
      paysDeposits(pen.payout());
      Properties.check(pen.payout().to(pen.cheater()).isZero(), "the cheater kept something");
    }
  }

  private static void paysDeposits(Payout p) {
    Properties.check(p.toA().plus(p.toB()).equals(PARAMS.total()), "payout differs from the deposits");
  }
}
