package network.mtc.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import network.mtc.crypto.internal.Ed25519Engine;

/**
 * Verifies many Ed25519 signatures at once, for relays and mesh stations: one multi-scalar
 * multiplication checks a random linear combination of all the (cofactored) equations. The verdict of
 * each signature is exactly what single verification says, edge cases included: the per-signature rules
 * run one by one, and if the combination fails the equations are checked singly to find the culprits.
 *
 * <pre>{@code
 * BatchVerifier b = new BatchVerifier();
 * for (...) b.add(key, message, signature);
 * boolean allValid = b.verifyAll();
 * }</pre>
 *
 * <p>Not thread-safe.
 *
 * @since 0.1
 */
public final class BatchVerifier {
  private final SecureRandom random;
  private final List<Ed25519Engine.PreparedKey> keys = new ArrayList<>();
  private final List<byte[]> messages = new ArrayList<>();
  private final List<byte[]> signatures = new ArrayList<>();

  /** A batch verifier drawing its coefficients from a new SecureRandom. */
  public BatchVerifier() {
    this(new SecureRandom());
  }

  /** A batch verifier drawing its coefficients from {@code random}. */
  public BatchVerifier(SecureRandom random) {
    this.random = random;
  }

  /** Adds a signature by a checked key. */
  public BatchVerifier add(PublicKey key, byte[] message, byte[] signature) {
    keys.add(key.prepared());
    messages.add(message);
    signatures.add(signature);
    return this;
  }

  /** Adds a signature by a key given as bytes (which may break the key rules). */
  public BatchVerifier add(byte[] publicKey, byte[] message, byte[] signature) {
    keys.add(Ed25519Engine.prepare(publicKey));
    messages.add(message);
    signatures.add(signature);
    return this;
  }

  /** Number of signatures added. */
  public int size() {
    return keys.size();
  }

  /** The verdict of every signature, in the order added. */
  public List<Verdict> verdicts() {
    int n = keys.size();
    return Arrays.asList(Ed25519Engine.verifyBatch(keys.toArray(new Ed25519Engine.PreparedKey[0]),
        messages.toArray(new byte[0][]), signatures.toArray(new byte[0][]), n, random));
  }

  /** True if every signature is valid (and at least one was added). */
  public boolean verifyAll() {
    List<Verdict> v = verdicts();
    return !v.isEmpty() && v.stream().allMatch(Verdict::isValid);
  }

  /** Empties the batch. */
  public void clear() {
    keys.clear();
    messages.clear();
    signatures.clear();
  }
}
