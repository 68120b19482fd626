package network.mtc.vectors;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.BalanceProofCodec;
import network.mtc.channels.Party;
import network.mtc.crypto.PublicKey;
import network.mtc.wire.Bytes;

/**
 * The JSON form of the channel records in channels/fsm.json, derived from the record components so it
 * cannot drift from the types: a record is an object of its components (snake_case names), a member of a
 * sealed interface adds {@code "type"} (its simple name), {@link Bytes} and keys are hex, a
 * {@link BalanceProof} is its canonical encoding in hex, an {@link Amount} a decimal string of smallest
 * units, enums their name, {@code long} an integer, a null component {@code null}.
 */
final class ChannelJson {
  private ChannelJson() {}

  static Object write(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Bytes b) {
      return b.hex();
    }
    if (v instanceof PublicKey k) {
      return k.hex();
    }
    if (v instanceof BalanceProof p) {
      return Cases.hex(p.encode());
    }
    if (v instanceof Amount a) {
      return a.units().toString();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Long || v instanceof Integer) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(write(o));
      }
      return out;
    }
    Class<?> c = v.getClass();
    if (!c.isRecord()) {
      throw new IllegalArgumentException("no JSON form for " + c);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (sealedParent(c) != null) {
      m.put("type", c.getSimpleName());
    }
    for (RecordComponent rc : c.getRecordComponents()) {
      try {
        m.put(snake(rc.getName()), write(rc.getAccessor().invoke(v)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object read(Object json, Type type) {
    if (json == null) {
      return null;
    }
    if (type instanceof ParameterizedType pt) {
      Type elem = pt.getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (Object o : Cases.list(json)) {
        out.add(read(o, elem));
      }
      return out;
    }
    Class<?> c = (Class<?>) type;
    if (c == Bytes.class) {
      return Bytes.fromHex((String) json);
    }
    if (c == PublicKey.class) {
      return PublicKey.fromBytes(Cases.unhex(json));
    }
    if (c == BalanceProof.class) {
      return BalanceProofCodec.decode(Cases.unhex(json));
    }
    if (c == Amount.class) {
      return new Amount(new BigInteger((String) json));
    }
    if (c.isEnum()) {
      return Enum.valueOf((Class) c, (String) json);
    }
    if (c == long.class) {
      return Cases.num(json);
    }
    Map<String, Object> m = Cases.obj(json);
    if (c.isSealed()) {
      String t = (String) m.get("type");
      for (Class<?> s : c.getPermittedSubclasses()) {
        if (s.getSimpleName().equals(t)) {
          return read(json, s);
        }
      }
      throw new IllegalArgumentException("unknown " + c.getSimpleName() + " type " + t);
    }
    RecordComponent[] rcs = c.getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      types[i] = rcs[i].getType();
      args[i] = read(m.get(snake(rcs[i].getName())), rcs[i].getGenericType());
    }
    try {
      Constructor<?> k = c.getDeclaredConstructor(types);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot build " + c.getSimpleName() + ": " + e.getCause(), e);
    }
  }

  private static Class<?> sealedParent(Class<?> c) {
    for (Class<?> i : c.getInterfaces()) {
      if (i.isSealed()) {
        return i;
      }
    }
    return null;
  }

  static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  static Map<String, Object> proofFields(BalanceProof p) {
    return Cases.map("ledger_id", BigInteger.valueOf(p.ledgerId()), "channel_id", p.channelId().hex(),
        "asset", p.asset().name(), "nonce", BigInteger.valueOf(p.nonce()), "balance_a", p.balanceA().toString(),
        "balance_b", p.balanceB().toString(), "fee_a", p.feeA().toString(), "fee_b", p.feeB().toString(),
        "locks_root", p.locksRoot().hex(), "prev_hash", p.prevHash().hex());
  }

  static BalanceProof proofOf(Map<String, Object> m) {
    return new BalanceProof(Cases.num(m.get("ledger_id")), Bytes.fromHex((String) m.get("channel_id")),
        Asset.valueOf((String) m.get("asset")), Cases.num(m.get("nonce")),
        new Amount(new BigInteger((String) m.get("balance_a"))),
        new Amount(new BigInteger((String) m.get("balance_b"))),
        new Amount(new BigInteger((String) m.get("fee_a"))), new Amount(new BigInteger((String) m.get("fee_b"))),
        Bytes.fromHex((String) m.get("locks_root")), Bytes.fromHex((String) m.get("prev_hash")));
  }

  static Party party(Object s) {
    return Party.valueOf((String) s);
  }
}
