package network.mtc.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelMachine;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Draft;
import network.mtc.channels.HashLock;
import network.mtc.channels.LedgerResult;
import network.mtc.channels.Party;
import network.mtc.channels.Payout;
import network.mtc.channels.Proposal;
import network.mtc.channels.ReferenceLedger;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignedState;
import network.mtc.channels.Update;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.SealedEnvelope;
import network.mtc.channels.witness.Locator;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.X25519KeyPair;
import network.mtc.routing.MeshConfig;
import network.mtc.sim.SimConfig;
import network.mtc.sim.SimWorld;
import network.mtc.sim.Topology;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;

/**
 * The story a new user runs first ({@code mtc demo}): Arron, Tom, Jack's smart fridge and Ruby in an
 * underground car park with no internet, with bystanders' phones around them.
 *
 * <ol start="0">
 *   <li>Online, before: a {@link ReferenceLedger} mints funds; Arron and Tom open an MTC channel and an ETH
 *       channel (gas pledged in MTC, the fridge as relaying station), Tom and Ruby an MTC channel.
 *   <li>Internet off: fourteen real {@code MeshNode}s on the simulated radio ({@link SimWorld}), Arron and
 *       Tom three hops apart.
 *   <li>Arron pays Tom 5 MTC: the proposal and the countersignature cross the mesh sealed to their
 *       recipient ({@link SealedEnvelope}); each party's {@code DurableChannel} reserves every signature
 *       in its journal first, and Tom journals the co-signed state (synced) before countersigning; both hand the
 *       co-signed state to every witness in range as an appointment and collect signed receipts.
 *   <li>Arron pays Tom 0.25 ETH (gas in MTC to the fridge) and Tom pays Arron 1 MTC back.
 *   <li>Arron pays Ruby 2 MTC through Tom with a hash-lock (Ruby's invoice, two locks with stepped
 *       expiries checked by {@code ChannelMachine.forward}, two unlocks); then Tom's phone restarts,
 *       recovers its three channels from its journal alone and reestablishes each over the mesh.
 *   <li>The co-signed cooperative closes of Arron-Tom MTC and Tom-Ruby travel over the mesh to the fridge,
 *       which reaches the internet and settles them on the ledger.
 *   <li>Arron closes the ETH channel with a stale state; the fridge opens its appointment with the channel
 *       id, disputes at its staggered time inside the challenge window, and Arron's pledge goes to Tom.
 * </ol>
 *
 * <p><b>Deterministic:</b> every key, the hash-lock secret and every ephemeral key of a sealed envelope come
 * from the seed ({@link SeededRandom}: SHA-256 of the seed and a label), the mesh is the seeded simulator and
 * ledger time is derived from simulated time, so one seed gives one byte-identical report. The journals
 * are real files (synced) in a temporary directory deleted at the end; their paths are not reported. This
 * determinism is for the demo: real wallets draw keys and seals from {@code SecureRandom}.
 */
public final class Demo implements AutoCloseable {
  static final String PAY_TOPIC = "mtc/pay";
  static final String WITNESS_TOPIC = "mtc/witness";
  static final String RECEIPT_TOPIC = "mtc/receipt";
  static final long LEDGER_ID = 1;
  /** Ledger time (seconds) at simulated time 0: 2030-03-17, a fixed instant so runs repeat. */
  static final long EPOCH = 1_900_000_000L;
  /** The recommended challenge period of spec/channels.md §13: 7 days. */
  static final long CHALLENGE = 7 * 86_400L;
  /** Ledger inclusion margin a witness keeps before the deadline: one hour. */
  static final long MARGIN = 3_600;
  /** Witness retention: the longest offline time (24 h) plus the challenge period, in milliseconds. */
  static final long RETENTION_MILLIS = (86_400L + CHALLENGE) * 1000;
  /** A phone's time to check, sign and sync before answering. */
  static final long PROCESSING_MILLIS = 25;
  /** Resend a message that got no answer after this long (the mesh broadcast may lose it). */
  static final long RETRY_MILLIS = 4_000;
  /** Give up on one exchange after this much mesh time. */
  static final long TIMEOUT_MILLIS = 60_000;
  /** Mesh time for announces before the first payment. */
  static final long WARMUP_MILLIS = 10_000;
  static final double RANGE = 18;
  static final double LOSS = 0.07;
  static final double SIDE = 60;
  /** Arron, Tom, the fridge, Ruby, then ten bystanders; metres in a 60 x 30 m car park. */
  static final double[] X = {6, 50, 28, 58, 18, 20, 33, 40, 42, 12, 28, 52, 8, 56};
  static final double[] Y = {15, 15, 5, 27, 8, 22, 16, 25, 6, 27, 28, 3, 3, 10};

  final long seed;
  final DemoReport report;
  final SimWorld world;
  final Topology topology;
  final ReferenceLedger ledger = new ReferenceLedger(LEDGER_ID);
  private final SecureRandom sealRandom;
  private final Path dir;
  private final List<ChannelJournal> journals = new ArrayList<>();
  final Person arron;
  final Person tom;
  final Person ruby;
  final Witness fridge;
  final List<Witness> witnesses = new ArrayList<>();
  private final Map<String, String> names = new TreeMap<>();
  private final Map<String, String> channelNames = new TreeMap<>();
  /** The story's own account: minted amounts plus what the story says moved (payments, gas, penalty). */
  private final Map<String, Map<Asset, BigInteger>> expected = new LinkedHashMap<>();
  private final Map<Asset, Amount> minted = new EnumMap<>(Asset.class);
  private DemoReport.Step step;
  private long online;

  private Demo(long seed) {
    this.seed = seed;
    this.report = new DemoReport(seed);
    this.sealRandom = new SeededRandom(seed, "seal");
    this.topology = Topology.fromPoints(X, Y, SIDE, RANGE);
    this.world = SimWorld.create(topology, SimConfig.builder().loss(LOSS).seed(seed).build(),
        MeshConfig.simulation());
    try {
      this.dir = Files.createTempDirectory("mtc-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    arron = person("Arron", 0);
    tom = person("Tom", 1);
    ruby = person("Ruby", 3);
    fridge = witness("Jack's fridge", 2);
    witnesses.add(fridge);
    for (int i = 4; i < X.length; i++) {
      witnesses.add(witness("bystander " + (i - 3), i));
    }
  }

  /** Runs the story with {@code seed}; never throws for a failed step (it becomes a failed check). */
  public static DemoReport run(long seed) {
    try (Demo d = new Demo(seed)) {
      try {
        d.story();
      } catch (StoryFailure f) {
        d.log("the story stopped: " + f.getMessage());
        d.end();
        d.check("story completed", false, f.getMessage());
      }
      return d.report;
    }
  }

  private Person person(String name, int node) {
    SigningKey key = SigningKey.fromSeed(SeededRandom.derive(seed, name + "/channel-key"));
    X25519KeyPair box = X25519KeyPair.fromPrivateKey(SeededRandom.derive(seed, name + "/x25519"));
    ChannelJournal j = ChannelJournal.open(journalPath(name), ChannelJournal.Options.DEFAULT);
    journals.add(j);
    names.put(key.publicKey().hex(), name);
    expected.put(name, new EnumMap<>(Asset.class));
    return new Person(name, key, box, node, j, this);
  }

  private Path journalPath(String name) {
    return dir.resolve(name.toLowerCase(Locale.ROOT) + ".journal");
  }

  private Witness witness(String name, int node) {
    SigningKey key = SigningKey.fromSeed(SeededRandom.derive(seed, name + "/witness-key"));
    X25519KeyPair box = X25519KeyPair.fromPrivateKey(SeededRandom.derive(seed, name + "/x25519"));
    names.put(key.publicKey().hex(), name);
    return new Witness(name, key, box, node, RETENTION_MILLIS, this);
  }

  // ---------------------------------------------------------------- the story

  private void story() {
    // 0. online, before
    begin(0, "Online, before: the ledger funds three channels");
    online = EPOCH - 86_400;
    mint(arron, Asset.MTC, "1000");
    mint(arron, Asset.ETH, "5");
    mint(tom, Asset.MTC, "1000");
    mint(tom, Asset.ETH, "5");
    mint(ruby, Asset.MTC, "1000");
    expected.put(fridge.name, new EnumMap<>(Asset.class));
    logOnline("ledger " + LEDGER_ID + " mints 1000 MTC and 5 ETH each to Arron and Tom, 1000 MTC to Ruby");
    ChannelView[] atMtc = open(arron, tom, Asset.MTC, "100", "100", "Arron-Tom MTC");
    ChannelView[] atEth = open(arron, tom, Asset.ETH, "1", "1", "Arron-Tom ETH");
    ChannelView[] trMtc = open(tom, ruby, Asset.MTC, "50", "50", "Tom-Ruby MTC");
    logOnline("they swap X25519 keys for sealed envelopes; phones and the fridge keep their mesh identities");
    end();

    // 1. internet off
    begin(1, "Internet off: the car park mesh");
    int[] fromArron = topology.hopDistances(arron.node);
    int[] fromTom = topology.hopDistances(tom.node);
    log(String.format(Locale.ROOT, "%d nodes in a %.0f x 30 m car park, radio range %.0f m, %.0f%% loss per "
        + "reception: Arron, Tom, Ruby, Jack's fridge and %d bystanders' phones", X.length, SIDE, RANGE,
        LOSS * 100, X.length - 4));
    log("Arron is " + fromArron[tom.node] + " radio hops from Tom, " + fromArron[ruby.node]
        + " from Ruby; Tom is " + fromTom[ruby.node] + " hop from Ruby; the fridge is "
        + fromArron[fridge.node] + " hops from Arron");
    check("Arron and Tom are 2-3 hops apart", fromArron[tom.node] >= 2 && fromArron[tom.node] <= 3,
        fromArron[tom.node] + " hops");
    for (Person p : List.of(arron, tom, ruby)) {
      p.listen();
    }
    fridge.listen(true);
    for (Witness w : witnesses.subList(1, witnesses.size())) {
      w.listen(false);
    }
    world.runUntil(WARMUP_MILLIS);
    log("nodes announce themselves and learn their neighbours");
    end();

    // 2. Arron pays Tom 5 MTC
    begin(2, "Arron pays Tom 5 MTC over the mesh");
    pay(atMtc[0], "5");
    awaitReceipts(atMtc[0]);
    for (Witness w : witnesses) {
      log(String.format(Locale.ROOT, "%-13s stores %s", w.name, w.stored.isEmpty() ? "nothing (missed it)"
          : String.join(", ", w.stored)));
    }
    end();

    // 3. ETH, and the other direction
    begin(3, "Arron pays Tom 0.25 ETH (gas in MTC to the fridge); then Arron and Tom pay each other at the "
        + "same moment");
    SignedState eth = pay(atEth[0], "0.25");
    gas(arron, eth.proof().fee(atEth[0].me).units());
    log("gas: Arron's cumulative fee in the ETH channel is now " + eth.proof().fee(atEth[0].me).format(Asset.MTC)
        + " MTC (10^13 units per update), paid to Jack's fridge at close out of his 0.01 MTC pledge");
    awaitReceipts(atEth[0]);
    race(atMtc[0], "0.5", "1");
    awaitReceipts(atMtc[1]);
    end();

    // 4. multi-hop
    begin(4, "Arron pays Ruby 2 MTC through Tom with a hash-lock");
    multiHop(atMtc, trMtc, "2");
    restart(tom);
    end();

    // 5. the fridge reaches the internet
    begin(5, "Cooperative closes over the mesh; Jack's fridge reaches the internet and settles them");
    closeOverMesh(atMtc[0]);
    closeOverMesh(trMtc[1]);
    online = ledgerSeconds() + 1_800;
    logOnline("half an hour later the fridge's Wi-Fi uplink comes back");
    for (ChannelMessage.Settle s : fridge.toCarry.values()) {
      Bytes id = s.finalState().channelId();
      LedgerResult r = ledger.closeCooperatively(id, s.finalState(), s.sigA(), s.sigB(), online);
      logOnline("the fridge submits the cooperative close of " + channelName(id) + ": "
          + (r.accepted() ? "settled" : "refused, " + r.rejection()));
    }
    for (ChannelView[] c : List.of(atMtc, trMtc)) {
      Payout onLedger = ledger.payout(c[0].id);
      boolean same = onLedger != null && c[0].state() instanceof ChannelState.Settled s0
          && c[1].state() instanceof ChannelState.Settled s1 && s0.payout().equals(onLedger)
          && s1.payout().equals(onLedger);
      check(c[0].name + " settled as both parties signed", same, onLedger == null ? "not settled"
          : split(c[0], onLedger));
    }
    end();

    // 6. the stale close
    begin(6, "The cheating variant: Arron closes the ETH channel with a stale state");
    stale(atEth);
    end();

    finish();
  }

  // ---------------------------------------------------------------- steps

  private ChannelView[] open(Person p, Person q, Asset asset, String dp, String dq, String name) {
    Amount gas = asset.paysGas() ? Amount.parse("0.01", Asset.MTC) : Amount.ZERO;
    ChannelParams params = ChannelParams.of(LEDGER_ID, asset, p.key.publicKey(), Amount.parse(dp, asset),
        q.key.publicKey(), Amount.parse(dq, asset), gas, fridge.key.publicKey(),
        Bytes.copyOf(SeededRandom.derive(seed, name + "/funding")), CHALLENGE);
    ChannelView vp = new ChannelView(name, params, p);
    ChannelView vq = new ChannelView(name, params, q);
    vp.peer = q;
    vq.peer = p;
    p.add(vp);
    q.add(vq);
    channelNames.put(params.channelId().hex(), name);
    ChannelView va = vp.me == Party.A ? vp : vq;
    ChannelView vb = va == vp ? vq : vp;
    SignedState opening = new SignedState(params.openingProof(), va.channel.signOpening(),
        vb.channel.signOpening());
    LedgerResult r = ledger.open(params, opening, online);
    if (!r.accepted()) {
      throw new StoryFailure("the ledger refused to fund " + name + ": " + r.rejection());
    }
    for (ChannelView v : List.of(vp, vq)) {
      v.opening = opening;
      v.apply(new ChannelEvent.FundingConfirmed(opening, online));
    }
    logOnline(name + " channel " + params.channelId().hex().substring(0, 8) + ": " + p.name + " pledges " + dp
        + " " + asset + ", " + q.name + " " + dq + " " + asset
        + (asset.paysGas() ? ", each pledges 0.01 MTC of gas for Jack's fridge" : "")
        + "; funding confirmed, challenge period 7 days");
    return new ChannelView[] {vp, vq};
  }

  /** A payment from the owner of {@code v} to its peer, over the mesh. */
  private SignedState pay(ChannelView v, String amount) {
    Amount a = Amount.parse(amount, v.params.asset());
    SignedState s = update(v, new Update.Payment(a));
    move(v.owner, v.peer, v.params.asset(), a.units());
    checkBoth(v, v.owner.name + " pays " + v.peer.name + " " + amount + " " + v.params.asset());
    return s;
  }

  /** Proposes {@code u} in {@code v} and waits until both sides hold the co-signed state. */
  private SignedState update(ChannelView v, Update u) {
    Proposal p = v.owner.propose(v, u);
    long nonce = p.proof().nonce();
    ChannelMessage.Propose msg = new ChannelMessage.Propose(v.id, p);
    log(v.owner.name + " proposes state " + nonce + " of " + v.name + " (" + describe(v, u)
        + "): journals the reservation, signs, seals it to " + v.peer.name);
    exchange(() -> v.latestNonce() >= nonce && v.peerView().latestNonce() >= nonce,
        () -> v.owner.send(v.peer, msg), v.owner.name + "'s proposal of state " + nonce + " of " + v.name);
    return v.latest();
  }

  /** The Unlock by which {@code who} reveals {@code preimage} in {@code v}, once the payee's rule allows it. */
  private Update revealed(ChannelView v, Bytes preimage, String who) {
    Draft d = ChannelMachine.reveal(v.open(), v.me, preimage);
    if (!(d instanceof Draft.Ready ready)) {
      throw new StoryFailure(who + " may not reveal the secret in " + v.name + ": " + d);
    }
    HashLock lock = v.open().locks().stream().filter(l -> l.opens(preimage.toByteArray())).findFirst()
        .orElseThrow();
    log(who + "'s incoming lock expires in " + hours(lock.expiry() - v.open().now()) + ", at least a challenge "
        + "period ahead: time enough to claim it on the ledger if the unlock went unanswered, so " + who
        + " reveals the secret");
    return ready.update();
  }

  /**
   * The owner of {@code v} and its peer pay each other at the same moment ({@code mine} and {@code theirs}):
   * two proposals on the same state, in flight both ways. The race rule (spec/channels.md §8) decides
   * without a word of negotiation; both payments are committed, each party signs one state per nonce.
   */
  private void race(ChannelView v, String mine, String theirs) {
    ChannelView w = v.peerView();
    Amount a = Amount.parse(mine, v.params.asset());
    Amount b = Amount.parse(theirs, v.params.asset());
    Amount before = v.latest().proof().balance(v.me);
    Proposal pv = v.owner.propose(v, new Update.Payment(a));
    Proposal pw = w.owner.propose(w, new Update.Payment(b));
    log(v.owner.name + " proposes state " + pv.proof().nonce() + " (" + describe(v, pv.update()) + ") and at the "
        + "same moment " + w.owner.name + " proposes state " + pw.proof().nonce() + " (" + describe(w, pw.update())
        + "), both on state " + v.latestNonce() + "; the two proposals cross in the mesh");
    long above = Math.max(pv.proof().nonce(), pw.proof().nonce());
    exchange(() -> v.latestNonce() > above && v.latest().equals(w.latest()) && v.open().pending() == null
        && w.open().pending() == null, () -> {
          // resend whatever is still waiting for its countersignature (a proposal again after a lost race)
          for (ChannelView x : List.of(v, w)) {
            x.channel.pendingProposal().ifPresent(m -> x.owner.send(x.peer, m));
          }
        }, "the racing payments of " + v.name);
    move(v.owner, v.peer, v.params.asset(), a.units());
    move(w.owner, w.peer, w.params.asset(), b.units());
    checkBoth(v, "the race ends with both on one state");
    Amount after = v.latest().proof().balance(v.me);
    check("both racing payments are committed, each once", after.equals(before.minus(a).plus(b)),
        v.owner.name + " " + before.format(v.params.asset()) + " - " + mine + " + " + theirs + " = "
        + after.format(v.params.asset()) + " " + v.params.asset());
  }

  /**
   * {@code p}'s phone is killed (its journal closed without a goodbye) and restarts: every channel comes back
   * from the journal alone, at the co-signed state its peer holds, with the same pending locks.
   */
  private void restart(Person p) {
    journals.remove(p.journal);
    p.journal.close();
    ChannelJournal j = ChannelJournal.open(journalPath(p.name), ChannelJournal.Options.DEFAULT);
    journals.add(j);
    p.restart(j);
    StringBuilder detail = new StringBuilder();
    boolean same = true;
    for (ChannelView v : p.views()) {
      ChannelState.Open mine = v.open();
      ChannelState.Open theirs = v.peerView().open();
      same &= mine.latest().equals(theirs.latest()) && mine.locks().equals(theirs.locks())
          && mine.pending() == null;
      detail.append(detail.length() == 0 ? "" : ", ").append(v.name).append(" state ")
          .append(mine.latest().proof().nonce());
    }
    log(p.name + "'s phone restarts: it reopens its journal and recovers every channel from it alone ("
        + detail + ")");
    check(p.name + "'s channels survive a restart at the states their peers hold", same, detail.toString());
    for (ChannelView v : p.views()) {
      ChannelMessage.Reestablish r = v.channel.reestablish()
          .orElseThrow(() -> new StoryFailure(v.name + " is not open after the restart"));
      long nonce = v.latestNonce();
      log(p.name + " sends " + v.peer.name + " a REESTABLISH of " + v.name + " (state " + nonce
          + ", sealed like every channel message)");
      exchange(() -> v.peerView().inSyncAt == nonce, () -> p.send(v.peer, r),
          p.name + "'s reestablish of " + v.name);
    }
  }

  private void multiHop(ChannelView[] at, ChannelView[] tr, String amount) {
    Amount a = Amount.parse(amount, Asset.MTC);
    byte[] secret = new byte[32];
    new SeededRandom(seed, "secret").nextBytes(secret);
    Bytes hash = HashLock.hashOf(secret);
    ruby.secrets.put(hash.hex(), Bytes.copyOf(secret));
    log("Ruby draws a 32-byte secret and sends its SHA-256 to Arron in an invoice, sealed to Arron");
    ChannelMessage.Invoice inv = new ChannelMessage.Invoice(Bytes.copyOf(ruby.key.publicKey().toBytes()),
        Asset.MTC, a, hash);
    exchange(() -> arron.invoices.stream().anyMatch(i -> i.hash().equals(hash)), () -> ruby.send(arron, inv),
        "Ruby's invoice");
    long now = ledgerSeconds();
    for (ChannelView v : List.of(at[0], at[1], tr[0], tr[1])) {
      v.apply(new ChannelEvent.Tick(now));
    }
    long expiryTr = now + CHALLENGE + 86_400;
    long expiryAt = expiryTr + CHALLENGE;
    update(at[0], new Update.AddLock(new HashLock(at[0].me, hash, a, expiryAt)));
    // The mediator's rule (spec/channels.md §7): the outgoing lock expires a challenge period earlier.
    Draft tooClose = ChannelMachine.forward(at[1].open(), at[1].me, tr[0].open(), tr[0].me, hash,
        expiryAt - CHALLENGE + 1);
    check("Tom refuses to forward with less than a challenge period of margin", tooClose instanceof Draft.Illegal i
        && i.reason() == RejectReason.EXPIRY_TOO_CLOSE, String.valueOf(tooClose));
    Draft forward = ChannelMachine.forward(at[1].open(), at[1].me, tr[0].open(), tr[0].me, hash, expiryTr);
    if (!(forward instanceof Draft.Ready ready) || !ready.locks().stream().anyMatch(l -> l.amount().equals(a))) {
      throw new StoryFailure("Tom cannot forward Arron's lock: " + forward);
    }
    log("Tom holds Arron's lock (expires in " + (expiryAt - now) / 86_400 + " days) and forwards with an "
        + "expiry one challenge period earlier (" + (expiryTr - now) / 86_400 + " days)");
    update(tr[0], ready.update());
    Bytes pre = ruby.secrets.get(hash.hex());
    // The payee's rule (spec/channels.md §7): reveal only with a challenge period left to claim on the ledger.
    update(tr[1], revealed(tr[1], pre, "Ruby"));
    Bytes learned = tom.secrets.get(hash.hex());
    if (learned == null) {
      throw new StoryFailure("Tom did not learn the secret from Ruby's unlock");
    }
    update(at[1], revealed(at[1], learned, "Tom"));
    move(arron, ruby, Asset.MTC, a.units());
    checkBoth(at[0], "Arron-Tom settles the lock: Tom +" + amount + " MTC");
    checkBoth(tr[0], "Tom-Ruby settles the lock: Ruby +" + amount + " MTC");
    awaitReceipts(at[1]);
    awaitReceipts(tr[1]);
    boolean noLocks = at[0].open().locks().isEmpty() && tr[0].open().locks().isEmpty();
    check("multi-hop: Ruby is paid, Tom is even, no lock pending", noLocks
        && tr[0].latest().proof().balance(tr[1].me).equals(Amount.parse("52", Asset.MTC)),
        "Tom-Ruby: " + split(tr[0], tr[0].latest().proof()) + "; Arron-Tom: " + split(at[0],
        at[0].latest().proof()));
  }

  private void closeOverMesh(ChannelView v) {
    String at = split(v, v.latest().proof());
    ChannelMessage.OfferClose offer = v.owner.offerClose(v);
    log(v.owner.name + " offers to close " + v.name + " at its latest state (" + at
        + "), signs the close proof and seals the offer to " + v.peer.name);
    exchange(() -> v.state() instanceof ChannelState.Settled && fridge.toCarry.containsKey(v.id.hex()),
        () -> v.owner.send(v.peer, offer), v.owner.name + "'s close offer of " + v.name);
  }

  private void stale(ChannelView[] eth) {
    ChannelView a = eth[0];
    ChannelView t = eth[1];
    SignedState latest = t.latest();
    SignedState old = a.opening;
    online += 3_600;
    LedgerResult r = ledger.closeUnilaterally(a.id, a.me, old, List.of(), online);
    logOnline("Arron gets online first and closes " + a.name + " with state " + old.proof().nonce() + " ("
        + split(a, old.proof()) + ") instead of the latest, state " + latest.proof().nonce() + " ("
        + split(a, latest.proof()) + "): " + (r.accepted() ? "accepted" : "refused, " + r.rejection()));
    if (!r.accepted()) {
      throw new StoryFailure("the ledger refused the stale close: " + r.rejection());
    }
    long deadline = ledger.deadline(a.id);
    logOnline("the challenge period runs until " + (deadline - online) / 3_600 + " h from now");
    ChannelEvent.CloseUnilaterally close = new ChannelEvent.CloseUnilaterally(a.me, old, List.of(), online);
    a.apply(close);
    boolean tomWouldDispute = t.apply(close).stream().anyMatch(e -> e instanceof ChannelEffect.SubmitDispute);
    logOnline("Tom's own machine answers with SubmitDispute, but Tom's phone is still offline in the car park");
    check("Tom's machine detects the stale close", tomWouldDispute, "effect SubmitDispute");
    // every witness that holds the channel computes its slot; only the fridge is online
    List<String> slots = new ArrayList<>();
    Witness.Plan plan = null;
    for (Witness w : witnesses) {
      Optional<Witness.Plan> p = w.onClose(a.id, old.proof().nonce(), online, deadline, MARGIN);
      if (p.isPresent()) {
        slots.add(w.name + " +" + hours(p.get().submitAt() - online));
        if (w == fridge) {
          plan = p.get();
        }
      }
    }
    logOnline("witnesses holding a newer state of " + a.name + ", with their staggered submission times: "
        + String.join(", ", slots));
    if (plan == null) {
      throw new StoryFailure("the fridge holds no newer state of " + a.name);
    }
    logOnline("the fridge sees the close on the ledger, opens its appointment with the channel id (locator "
        + Locator.hex(Locator.of(a.id.toByteArray())).substring(0, 8) + ") and finds state "
        + plan.newer().proof().nonce() + "; its slot is " + hours(plan.submitAt() - online) + " after the close");
    Party disputer = a.me.other();
    LedgerResult d = ledger.dispute(a.id, disputer, plan.newer(), plan.submitAt());
    logOnline("the fridge submits state " + plan.newer().proof().nonce() + " as a dispute for Tom: "
        + (d.accepted() ? "accepted, Arron's pledge is forfeited" : "refused, " + d.rejection()));
    check("dispute inside the challenge window", d.accepted() && plan.submitAt() < deadline,
        "submitted " + hours(plan.submitAt() - online) + " after the close, deadline "
        + hours(deadline - online));
    ChannelEvent.Dispute dispute = new ChannelEvent.Dispute(disputer, plan.newer(), plan.submitAt());
    a.apply(dispute);
    t.apply(dispute);
    Payout p = ledger.payout(a.id);
    boolean penalised = p != null && a.state() instanceof ChannelState.Penalised pa && pa.payout().equals(p)
        && t.state() instanceof ChannelState.Penalised pt && pt.payout().equals(p)
        && p.to(t.me).equals(a.params.total()) && p.to(a.me).isZero();
    check("penalty: Tom gets the whole ETH channel, Arron nothing", penalised,
        p == null ? "no payout" : split(a, p));
    // the story's account: Arron forfeits what the latest state gave him
    move(arron, tom, Asset.ETH, latest.proof().balance(a.me).units());
  }

  private void finish() {
    for (String who : List.of(arron.name, tom.name, ruby.name, fridge.name)) {
      PublicKey k = keyOf(who);
      Map<String, String> row = new LinkedHashMap<>();
      for (Asset asset : List.of(Asset.MTC, Asset.ETH)) {
        row.put(asset.name(), ledger.balance(k, asset).format(asset));
      }
      report.balances.put(who, row);
    }
    boolean asExpected = true;
    StringBuilder diff = new StringBuilder();
    for (Asset asset : List.of(Asset.MTC, Asset.ETH)) {
      BigInteger sum = BigInteger.ZERO;
      for (String who : report.balances.keySet()) {
        BigInteger have = ledger.balance(keyOf(who), asset).units();
        BigInteger want = expected.get(who).getOrDefault(asset, BigInteger.ZERO);
        sum = sum.add(have);
        if (!have.equals(want)) {
          asExpected = false;
          diff.append(who).append(' ').append(asset).append(": ledger ").append(new Amount(have).format(asset))
              .append(", story ").append(new Amount(want.max(BigInteger.ZERO)).format(asset)).append("; ");
        }
      }
      Amount m = minted.getOrDefault(asset, Amount.ZERO);
      boolean conserved = sum.equals(m.units()) && ledger.total(asset).equals(m);
      check("conservation of " + asset, conserved, "minted " + m.format(asset) + ", held after settlement "
          + new Amount(sum).format(asset) + (asset == Asset.MTC ? " (of which " + ledger.balance(
              fridge.key.publicKey(), Asset.MTC).format(Asset.MTC) + " is gas paid to Jack's fridge)"
              : ""));
    }
    check("every payment delivered: ledger balances equal the story's account", asExpected,
        asExpected ? "Arron, Tom, Ruby and the fridge hold exactly what the payments, gas and penalty say"
            : diff.toString());
  }

  // ---------------------------------------------------------------- mesh plumbing

  /** Sends {@code send}, resending every {@link #RETRY_MILLIS}, until {@code done} or the timeout. */
  private void exchange(BooleanSupplier done, Runnable send, String what) {
    long start = world.nowMillis();
    long last = start;
    send.run();
    int attempts = 1;
    while (!done.getAsBoolean()) {
      long now = world.nowMillis();
      if (now - start > TIMEOUT_MILLIS) {
        throw new StoryFailure(what + " got no answer in " + TIMEOUT_MILLIS / 1000 + " s of mesh time ("
            + attempts + " attempts)");
      }
      if (now - last >= RETRY_MILLIS) {
        log("no answer after " + RETRY_MILLIS / 1000 + " s: resending (the radio lost a copy)");
        send.run();
        last = now;
        attempts++;
      }
      world.runUntil(now + 50);
    }
  }

  /** Lets receipts for the latest state of {@code v} come in (at most 5 s), then reports them. */
  private void awaitReceipts(ChannelView v) {
    ChannelView w = v.peerView();
    long nonce = v.latestNonce();
    long until = world.nowMillis() + 5_000;
    long retryAt = world.nowMillis() + 2_000;
    int all = witnesses.size();
    while (world.nowMillis() < until && (v.receiptCount(nonce) < all || w.receiptCount(nonce) < all)) {
      world.runUntil(world.nowMillis() + 100);
      if (world.nowMillis() >= retryAt) {
        retryAt = Long.MAX_VALUE;
        for (ChannelView x : List.of(v, w)) {
          if (x.receiptCount(nonce) == 0 && x.appointments.containsKey(nonce)) {
            // A broadcast is not acknowledged: a wallet that hears no receipt publishes its appointment again.
            log(x.owner.name + " has no receipt for state " + nonce + " of " + v.name + " after 2 s: publishes "
                + "the appointment again (the broadcast was lost)");
            publish(x.owner.node, WITNESS_TOPIC, x.appointments.get(nonce).encode());
          }
        }
      }
    }
    log(String.format(Locale.ROOT, "witness receipts for state %d of %s: %s holds %d, %s holds %d (of %d "
        + "witnesses), each verified against the appointment it covers", nonce, v.name, v.owner.name,
        v.receiptCount(nonce), w.owner.name, w.receiptCount(nonce), all));
    check("witnesses hold state " + nonce + " of " + v.name, v.receiptCount(nonce) > 0 && w.receiptCount(nonce) > 0,
        v.owner.name + " " + v.receiptCount(nonce) + " receipts, " + w.owner.name + " " + w.receiptCount(nonce));
  }

  void send(int fromNode, NodeAddress to, byte[] toKey, ChannelMessage m) {
    byte[] env = SealedEnvelope.seal(to, toKey, m, sealRandom);
    publish(fromNode, PAY_TOPIC, env);
  }

  void sendToStation(Person from, ChannelMessage.Settle s) {
    send(from.node, fridge.address(), fridge.box.publicKey(), s);
  }

  /** Publishes after the sender's processing time, on the simulation thread. */
  void publish(int fromNode, String topic, byte[] payload) {
    world.at(world.nowMillis() + PROCESSING_MILLIS, () -> world.node(fromNode).publish(topic, payload));
  }

  /** Ledger time in seconds while the mesh runs. */
  long ledgerSeconds() {
    return EPOCH + world.nowMillis() / 1000;
  }

  /** Ledger time in milliseconds (witness stores count in milliseconds). */
  long ledgerMillis() {
    return EPOCH * 1000 + world.nowMillis();
  }

  // ---------------------------------------------------------------- report helpers

  private void begin(int n, String title) {
    step = new DemoReport.Step(n, title);
    step.startMillis = world.nowMillis();
    step.transmissions = world.transmissions();
    report.steps.add(step);
  }

  private void end() {
    step.endMillis = world.nowMillis();
    step.transmissions = world.transmissions() - step.transmissions;
  }

  void log(String text) {
    step.events.add(new DemoReport.Event(world.nowMillis(), text));
  }

  private void logOnline(String text) {
    step.events.add(new DemoReport.Event(-1, text));
  }

  private void check(String name, boolean ok, String detail) {
    report.checks.add(new DemoReport.Check(name, ok, detail));
  }

  /** Checks that both views hold the same latest state. */
  private void checkBoth(ChannelView v, String what) {
    SignedState mine = v.latest();
    SignedState theirs = v.peerView().latest();
    check(what, mine.equals(theirs) && v.owner.journal.latest(v.id.toByteArray()).flatMap(r -> r.stored())
        .isPresent(), "both hold state " + mine.proof().nonce() + ": " + split(v, mine.proof()));
  }

  String nameOf(byte[] publicKey) {
    return names.getOrDefault(Bytes.copyOf(publicKey).hex(), "a stranger");
  }

  String channelName(Bytes id) {
    return channelNames.getOrDefault(id.hex(), "channel " + id.hex().substring(0, 8));
  }

  String stationName() {
    return fridge.name;
  }

  private PublicKey keyOf(String who) {
    return Stream.of(arron.key, tom.key, ruby.key, fridge.key).filter(k -> nameOf(k.publicKey().toBytes())
        .equals(who)).findFirst().orElseThrow().publicKey();
  }

  private void mint(Person p, Asset asset, String amount) {
    Amount a = Amount.parse(amount, asset);
    ledger.mint(p.key.publicKey(), asset, a);
    minted.merge(asset, a, Amount::plus);
    expected.get(p.name).merge(asset, a.units(), BigInteger::add);
  }

  private void move(Person from, Person to, Asset asset, BigInteger units) {
    expected.get(from.name).merge(asset, units.negate(), BigInteger::add);
    expected.get(to.name).merge(asset, units, BigInteger::add);
  }

  private void gas(Person payer, BigInteger units) {
    expected.get(payer.name).merge(Asset.MTC, units.negate(), BigInteger::add);
    expected.get(fridge.name).merge(Asset.MTC, units, BigInteger::add);
  }

  private static String hours(long seconds) {
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
  }

  /** "Arron 95 / Tom 105 MTC" for a state of {@code v}. */
  static String split(ChannelView v, BalanceProof p) {
    return split(v, p.balanceA(), p.balanceB());
  }

  static String split(ChannelView v, Payout p) {
    return split(v, p.toA(), p.toB());
  }

  private static String split(ChannelView v, Amount a, Amount b) {
    Asset asset = v.params.asset();
    Person pa = v.me == Party.A ? v.owner : v.peer;
    Person pb = pa == v.owner ? v.peer : v.owner;
    return pa.name + " " + a.format(asset) + " / " + pb.name + " " + b.format(asset) + " " + asset;
  }

  /** "pays 5 MTC" and the like, from the proposer's point of view. */
  static String describe(ChannelView v, Update u) {
    Asset asset = v.params.asset();
    if (u instanceof Update.Payment p) {
      return "a payment of " + p.amount().format(asset) + " " + asset;
    } else if (u instanceof Update.AddLock l) {
      return "a lock of " + l.lock().amount().format(asset) + " " + asset + " on hash "
          + l.lock().hash().hex().substring(0, 16) + "...";
    } else if (u instanceof Update.Unlock) {
      return "an unlock with the secret";
    } else if (u instanceof Update.ExpireLock) {
      return "an expired lock returned";
    }
    return u.toString();
  }

  @Override
  public void close() {
    world.close();
    for (ChannelJournal j : journals) {
      j.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
