package network.mtc.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Noise handshake pattern (rev 34, sections 7 and 18): the one-way and interactive fundamental
 * patterns, the deferred patterns, and psk modifiers ({@code psk0}, {@code psk1}, ..., joined by
 * {@code +}). Parsed from names such as {@code XX}, {@code IKpsk2} or {@code NNpsk0+psk2}.
 */
final class NoisePattern {
  enum Token { E, S, EE, ES, SE, SS, PSK }

  /** One message or pre-message: its direction and tokens. */
  record Message(boolean fromInitiator, Token[] tokens) {}

  // "|" separates messages, "..." ends the pre-messages; "->" is initiator to responder.
  private static final Map<String, String> PATTERNS = Map.ofEntries(
      Map.entry("N", "<- s|...|-> e, es"),
      Map.entry("K", "-> s|<- s|...|-> e, es, ss"),
      Map.entry("X", "<- s|...|-> e, es, s, ss"),
      Map.entry("NN", "-> e|<- e, ee"),
      Map.entry("NK", "<- s|...|-> e, es|<- e, ee"),
      Map.entry("NX", "-> e|<- e, ee, s, es"),
      Map.entry("KN", "-> s|...|-> e|<- e, ee, se"),
      Map.entry("KK", "-> s|<- s|...|-> e, es, ss|<- e, ee, se"),
      Map.entry("KX", "-> s|...|-> e|<- e, ee, se, s, es"),
      Map.entry("XN", "-> e|<- e, ee|-> s, se"),
      Map.entry("XK", "<- s|...|-> e, es|<- e, ee|-> s, se"),
      Map.entry("XX", "-> e|<- e, ee, s, es|-> s, se"),
      Map.entry("IN", "-> e, s|<- e, ee, se"),
      Map.entry("IK", "<- s|...|-> e, es, s, ss|<- e, ee, se"),
      Map.entry("IX", "-> e, s|<- e, ee, se, s, es"),
      Map.entry("NK1", "<- s|...|-> e|<- e, ee, es"),
      Map.entry("NX1", "-> e|<- e, ee, s|-> es"),
      Map.entry("X1N", "-> e|<- e, ee|-> s|<- se"),
      Map.entry("X1K", "<- s|...|-> e, es|<- e, ee|-> s|<- se"),
      Map.entry("XK1", "<- s|...|-> e|<- e, ee, es|-> s, se"),
      Map.entry("X1K1", "<- s|...|-> e|<- e, ee, es|-> s|<- se"),
      Map.entry("X1X", "-> e|<- e, ee, s, es|-> s|<- se"),
      Map.entry("XX1", "-> e|<- e, ee, s|-> es, s, se"),
      Map.entry("X1X1", "-> e|<- e, ee, s|-> es, s|<- se"),
      Map.entry("K1N", "-> s|...|-> e|<- e, ee|-> se"),
      Map.entry("K1K", "-> s|<- s|...|-> e, es|<- e, ee|-> se"),
      Map.entry("KK1", "-> s|<- s|...|-> e|<- e, ee, se, es"),
      Map.entry("K1K1", "-> s|<- s|...|-> e|<- e, ee, es|-> se"),
      Map.entry("K1X", "-> s|...|-> e|<- e, ee, s, es|-> se"),
      Map.entry("KX1", "-> s|...|-> e|<- e, ee, se, s|-> es"),
      Map.entry("K1X1", "-> s|...|-> e|<- e, ee, s|-> se, es"),
      Map.entry("I1N", "-> e, s|<- e, ee|-> se"),
      Map.entry("I1K", "<- s|...|-> e, es, s|<- e, ee|-> se"),
      Map.entry("IK1", "<- s|...|-> e, s|<- e, ee, se, es"),
      Map.entry("I1K1", "<- s|...|-> e, s|<- e, ee, es|-> se"),
      Map.entry("I1X", "-> e, s|<- e, ee, s, es|-> se"),
      Map.entry("IX1", "-> e, s|<- e, ee, se, s|-> es"),
      Map.entry("I1X1", "-> e, s|<- e, ee, s|-> se, es"));

  final String name;
  final List<Message> preMessages;
  final List<Message> messages;
  final boolean psk;
  final boolean oneWay;

  private NoisePattern(String name, List<Message> pre, List<Message> messages, boolean psk) {
    this.name = name;
    this.preMessages = pre;
    this.messages = messages;
    this.psk = psk;
    this.oneWay = messages.size() == 1;
  }

  /**
   * Parses a pattern name with optional psk modifiers.
   *
   * @throws IllegalArgumentException for an unknown pattern or a malformed modifier
   */
  static NoisePattern parse(String name) {
    int cut = name.indexOf("psk");
    String base = cut < 0 ? name : name.substring(0, cut);
    String def = PATTERNS.get(base);
    if (def == null) {
      throw new IllegalArgumentException("unknown Noise pattern: " + name);
    }
    List<Message> pre = new ArrayList<>();
    List<Message> msgs = new ArrayList<>();
    List<Message> target = pre;
    if (!def.contains("...")) {
      target = msgs;
    }
    for (String part : def.split("\\|")) {
      if (part.equals("...")) {
        target = msgs;
        continue;
      }
      boolean fromInitiator = part.startsWith("->");
      List<Token> tokens = new ArrayList<>();
      for (String t : part.substring(3).split(", ")) {
        tokens.add(Token.valueOf(t.toUpperCase(java.util.Locale.ROOT)));
      }
      target.add(new Message(fromInitiator, tokens.toArray(new Token[0])));
    }
    boolean psk = cut >= 0;
    if (psk) {
      for (String mod : name.substring(cut).split("\\+", -1)) {
        if (!mod.matches("psk[0-9]")) {
          throw new IllegalArgumentException("bad Noise modifier in " + name);
        }
        int i = mod.charAt(3) - '0';
        if (i > msgs.size()) {
          throw new IllegalArgumentException("psk modifier beyond the last message in " + name);
        }
        Message m = msgs.get(i == 0 ? 0 : i - 1);
        Token[] t = m.tokens();
        Token[] u = new Token[t.length + 1];
        if (i == 0) {
          u[0] = Token.PSK;
          System.arraycopy(t, 0, u, 1, t.length);
        } else {
          System.arraycopy(t, 0, u, 0, t.length);
          u[t.length] = Token.PSK;
        }
        msgs.set(i == 0 ? 0 : i - 1, new Message(m.fromInitiator(), u));
      }
    }
    // Initiator pre-message first (section 7.1).
    pre.sort((a, b) -> Boolean.compare(b.fromInitiator(), a.fromInitiator()));
    return new NoisePattern(name, List.copyOf(pre), List.copyOf(msgs), psk);
  }

  /** Number of psk tokens. */
  int pskCount() {
    int n = 0;
    for (Message m : messages) {
      for (Token t : m.tokens()) {
        if (t == Token.PSK) {
          n++;
        }
      }
    }
    return n;
  }

  /** True if the party needs its own static key pair. */
  boolean needsLocalStatic(boolean initiator) {
    for (Message m : preMessages) {
      if (m.fromInitiator() == initiator) {
        return true;
      }
    }
    for (Message m : messages) {
      for (Token t : m.tokens()) {
        if ((t == Token.S && m.fromInitiator() == initiator) || t == Token.SS
            || (t == Token.ES && !initiator) || (t == Token.SE && initiator)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if the party must know the peer's static key before the handshake. */
  boolean needsRemoteStatic(boolean initiator) {
    for (Message m : preMessages) {
      if (m.fromInitiator() != initiator) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name;
  }
}
