package network.mtc.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import network.mtc.crypto.PublicKey;
import network.mtc.wire.Bytes;

/**
 * What both parties and the ledger fix when a channel opens: the ledger, the asset, both keys (A sorts
 * first), the collateral each pledges, the MTC gas each pledges for relaying (zero in MTC channels), the
 * relaying station that earns the gas, the funding reference and the challenge period.
 *
 * @param ledgerId the ledger
 * @param asset the channel's asset
 * @param keyA party A's key: the one whose 32 bytes sort first, unsigned
 * @param keyB party B's key
 * @param depositA A's pledged collateral in {@code asset}
 * @param depositB B's pledged collateral
 * @param gasPledgeA MTC A sets aside for relaying gas (zero when {@code asset} is MTC)
 * @param gasPledgeB MTC B sets aside
 * @param station the relaying station's key: where gas goes
 * @param fundingRef 32 bytes naming the funding transaction on the ledger
 * @param challengePeriod seconds a unilateral close stays open to dispute (at least
 *     {@link #MIN_CHALLENGE_PERIOD})
 * @since 0.1
 */
public record ChannelParams(long ledgerId, Asset asset, PublicKey keyA, PublicKey keyB, Amount depositA,
    Amount depositB, Amount gasPledgeA, Amount gasPledgeB, PublicKey station, Bytes fundingRef,
    long challengePeriod) {
  /**
   * The shortest challenge period: 72 hours, three times the longest time spec/channels.md lets a mesh stay
   * offline (24 hours) so that a witness reaching the internet at the end of an outage still has two
   * outage lengths to submit (see "Challenge window").
   */
  public static final long MIN_CHALLENGE_PERIOD = 72 * 3600;
  /** Gas per update of a non-MTC channel: 10^13 MTC smallest units (0.00001 MTC), paid by the proposer. */
  public static final Amount GAS_PER_UPDATE = Amount.of(10_000_000_000_000L);
  private static final byte[] ID_CONTEXT = "MTC/channels/v1/id".getBytes(StandardCharsets.US_ASCII);

  /**
   * Checks the fields, and prepares both keys for many verifications ({@link
   * PublicKey#forManyVerifications}: 30 KiB each, built once): a channel verifies its parties' signatures
   * for its whole life, twice per update, and the prepared keys halve that cost. The keys stay equal to
   * the ones given.
   */
  public ChannelParams {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(keyA, "keyA");
    Objects.requireNonNull(keyB, "keyB");
    Objects.requireNonNull(depositA, "depositA");
    Objects.requireNonNull(depositB, "depositB");
    Objects.requireNonNull(gasPledgeA, "gasPledgeA");
    Objects.requireNonNull(gasPledgeB, "gasPledgeB");
    Objects.requireNonNull(station, "station");
    if (Arrays.compareUnsigned(keyA.toBytes(), keyB.toBytes()) >= 0) {
      throw new IllegalArgumentException("party A's key must sort before party B's");
    }
    keyA = keyA.forManyVerifications();
    keyB = keyB.forManyVerifications();
    if (fundingRef.length() != 32) {
      throw new IllegalArgumentException("funding reference has 32 bytes");
    }
    if (challengePeriod < MIN_CHALLENGE_PERIOD) {
      throw new IllegalArgumentException("challenge period below " + MIN_CHALLENGE_PERIOD + " s");
    }
    if (!asset.paysGas() && !(gasPledgeA.isZero() && gasPledgeB.isZero())) {
      throw new IllegalArgumentException("MTC channels pay no gas");
    }
  }

  /** The params with keys ordered: {@code k1} and {@code k2} in any order. */
  public static ChannelParams of(long ledgerId, Asset asset, PublicKey k1, Amount deposit1, PublicKey k2,
      Amount deposit2, Amount gasPledge, PublicKey station, Bytes fundingRef, long challengePeriod) {
    boolean swap = Arrays.compareUnsigned(k1.toBytes(), k2.toBytes()) > 0;
    Amount g = asset.paysGas() ? gasPledge : Amount.ZERO;
    return swap
        ? new ChannelParams(ledgerId, asset, k2, k1, deposit2, deposit1, g, g, station, fundingRef,
            challengePeriod)
        : new ChannelParams(ledgerId, asset, k1, k2, deposit1, deposit2, g, g, station, fundingRef,
            challengePeriod);
  }

  /** SHA-256("MTC/channels/v1/id" || ledger id (8 bytes BE) || asset code || key A || key B || funding ref). */
  public Bytes channelId() {
    MessageDigest md = HashLock.sha256();
    md.update(ID_CONTEXT);
    for (int i = 0; i < 8; i++) {
      md.update((byte) (ledgerId >>> (56 - 8 * i)));
    }
    md.update((byte) asset.code());
    md.update(keyA.toBytes());
    md.update(keyB.toBytes());
    md.update(fundingRef.toByteArray());
    return Bytes.copyOf(md.digest());
  }

  /** The key of {@code p}. */
  public PublicKey key(Party p) {
    return p == Party.A ? keyA : keyB;
  }

  /** The party of {@code key}, or null. */
  public Party partyOf(PublicKey key) {
    return key.equals(keyA) ? Party.A : key.equals(keyB) ? Party.B : null;
  }

  /** The pledged collateral of {@code p}. */
  public Amount deposit(Party p) {
    return p == Party.A ? depositA : depositB;
  }

  /** The gas pledge of {@code p}. */
  public Amount gasPledge(Party p) {
    return p == Party.A ? gasPledgeA : gasPledgeB;
  }

  /** Both deposits: the channel's constant total. */
  public Amount total() {
    return depositA.plus(depositB);
  }

  /** The opening state (nonce 0): balances equal deposits, no gas, no locks. */
  public BalanceProof openingProof() {
    Bytes zero = Bytes.copyOf(new byte[32]);
    return new BalanceProof(ledgerId, channelId(), asset, 0, depositA, depositB, Amount.ZERO, Amount.ZERO,
        zero, zero);
  }
}
