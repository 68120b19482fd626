package network.mtc.channels.witness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.SigningKey;

/**
 * A witness's bounded appointment store.
 *
 * <p>Rules (spec/channels-durability.md, "Witness store"):
 * <ul>
 *   <li>A slot is (locator, submitter): each party of a channel has its own slot, so a stranger who saw a
 *       locator cannot displace the parties' appointment with a higher-numbered forgery of its own; at
 *       close time the witness decrypts every slot of the locator and submits the highest valid state.
 *   <li>A slot keeps only its highest nonce: an appointment with a lower or equal nonce is refused
 *       ({@link Outcome#STALE}), except that the very same appointment again gets its receipt again.
 *   <li>At most {@code capacity} slots. When full, a new slot evicts the slot updated least recently
 *       (ties: smallest slot key), so that the store follows live channels; a newer state for an existing
 *       slot never evicts anything.
 *   <li>Every slot is kept for {@code retentionMillis} after its last update; {@link #expire} drops older
 *       ones. The receipt promises exactly that time.
 * </ul>
 * The store does not decide who may submit appointments: admission control (rate per neighbour, only
 * channel parties known to the mesh) belongs to the caller; without it, anyone can churn the store.
 *
 * <p>Deterministic: no clock (times are arguments), ordered maps only. Not thread-safe.
 *
 * @since 0.1
 */
public final class WitnessStore {
  /** Largest capacity accepted: 65,536 slots of at most 8.3 KB each bound the store near 550 MB. */
  public static final int MAX_CAPACITY = 1 << 16;

  /** What {@link #admit} did. */
  public enum Outcome {
    /** Stored in a new slot (possibly evicting the least recently updated slot). */
    STORED,
    /** Replaced the slot's older appointment. */
    REPLACED,
    /** The same appointment is stored already: the receipt is issued again. */
    DUPLICATE,
    /** The slot holds this nonce or a higher one: refused, no receipt. */
    STALE,
    /** The submitter's signature does not verify: refused, no receipt. */
    BAD_SIGNATURE
  }

  /**
   * The answer to an appointment.
   *
   * @param outcome what happened
   * @param receipt the signed receipt, or null when refused
   */
  public record Admission(Outcome outcome, WitnessReceipt receipt) {}

  private static final class Slot {
    final byte[] key;
    Appointment appointment;
    long updatedAt;

    Slot(byte[] key) {
      this.key = key;
    }
  }

  private static final Comparator<byte[]> KEYS = Arrays::compareUnsigned;
  private final SigningKey witness;
  private final int capacity;
  private final long retentionMillis;
  private final TreeMap<byte[], Slot> slots = new TreeMap<>(KEYS);
  private final TreeSet<Slot> byAge = new TreeSet<>(
      Comparator.<Slot>comparingLong(s -> s.updatedAt).thenComparing(s -> s.key, KEYS));

  /**
   * @param witness this witness's key (signs receipts)
   * @param capacity slots at most, 1 to {@link #MAX_CAPACITY}
   * @param retentionMillis how long a slot is kept after its last update; must cover the longest time a
   *     mesh may stay offline plus the challenge window (spec)
   */
  public WitnessStore(SigningKey witness, int capacity, long retentionMillis) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be in [1, " + MAX_CAPACITY + "]");
    }
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive");
    }
    this.witness = witness;
    this.capacity = capacity;
    this.retentionMillis = retentionMillis;
  }

  /** Admits an appointment at time {@code now} (ledger milliseconds). */
  public Admission admit(Appointment a, long now) {
    if (!a.verify().isValid()) {
      return new Admission(Outcome.BAD_SIGNATURE, null);
    }
    byte[] key = slotKey(a.locator(), a.submitter());
    Slot s = slots.get(key);
    Outcome outcome;
    if (s == null) {
      if (slots.size() >= capacity) {
        Slot victim = byAge.pollFirst();
        slots.remove(victim.key);
      }
      s = new Slot(key);
      slots.put(key, s);
      outcome = Outcome.STORED;
    } else {
      int c = Long.compareUnsigned(a.nonce(), s.appointment.nonce());
      if (c == 0 && s.appointment.equals(a)) {
        return new Admission(Outcome.DUPLICATE, WitnessReceipt.issue(witness, a, s.updatedAt + retentionMillis));
      }
      if (c <= 0) {
        return new Admission(Outcome.STALE, null);
      }
      byAge.remove(s);
      outcome = Outcome.REPLACED;
    }
    s.appointment = a;
    s.updatedAt = now;
    byAge.add(s);
    return new Admission(outcome, WitnessReceipt.issue(witness, a, now + retentionMillis));
  }

  /** The highest-numbered appointment held for a locator (over all its submitters), if any. */
  public Optional<Appointment> latest(byte[] locator) {
    Appointment best = null;
    byte[] from = Arrays.copyOf(locator, Locator.LENGTH + 32);
    for (Slot s : slots.tailMap(from, true).values()) {
      if (!Arrays.equals(s.key, 0, Locator.LENGTH, locator, 0, Locator.LENGTH)) {
        break;
      }
      if (best == null || Long.compareUnsigned(s.appointment.nonce(), best.nonce()) > 0) {
        best = s.appointment;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A state this witness can submit once it has seen a close of {@code channelId}.
   *
   * @param nonce the appointment's nonce (unsigned)
   * @param submitter the party that handed it over
   * @param coSignedState the decrypted bytes; the caller checks both signatures before submitting
   */
  public record Opened(long nonce, byte[] submitter, byte[] coSignedState) {}

  /**
   * Decrypts every appointment held for a channel whose close was seen, highest nonce first; blobs that do
   * not open (a stranger's slot, altered bytes) are skipped. The caller submits the first one whose
   * co-signature verifies and whose nonce is above the ledger's, at {@link SubmissionSchedule#submitAt}.
   */
  public List<Opened> openForClose(byte[] channelId) {
    byte[] locator = Locator.of(channelId);
    List<Opened> out = new ArrayList<>();
    for (Slot s : slots.tailMap(Arrays.copyOf(locator, Locator.LENGTH + 32), true).values()) {
      if (!Arrays.equals(s.key, 0, Locator.LENGTH, locator, 0, Locator.LENGTH)) {
        break;
      }
      try {
        out.add(new Opened(s.appointment.nonce(), s.appointment.submitter(), s.appointment.open(channelId)));
      } catch (AeadException notForThisChannel) {
        // a slot under the right locator whose blob does not open: nothing to submit from it
      }
    }
    out.sort((x, y) -> Long.compareUnsigned(y.nonce(), x.nonce()));
    return out;
  }

  /** Drops slots last updated more than the retention time before {@code now}; returns how many. */
  public int expire(long now) {
    int dropped = 0;
    while (!byAge.isEmpty() && now - byAge.first().updatedAt > retentionMillis) {
      slots.remove(byAge.pollFirst().key);
      dropped++;
    }
    return dropped;
  }

  /** Slots held. */
  public int size() {
    return slots.size();
  }

  private static byte[] slotKey(byte[] locator, byte[] submitter) {
    byte[] k = Arrays.copyOf(locator, Locator.LENGTH + 32);
    System.arraycopy(submitter, 0, k, Locator.LENGTH, 32);
    return k;
  }
}
