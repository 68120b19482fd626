package network.mtc.vectors;

import java.util.List;

/** Every vector suite, in file order. Later layers add theirs here. */
public final class Suites {
  private Suites() {}

  /** All suites. */
  public static List<Suite> all() {
    return List.of(new VarintSuite(), new TlvSuite(), new FrameSuite(), new FragmentSuite(),
        new SerialSuite(), new TrinarySuite(), new Ed25519Suite(), new X25519Suite(), new AeadSuite(),
        new NoiseSuite(), new AnnounceSuite(), new CreditSuite(), new AckSuite(), new RouteSuite(), new UnicastSuite(), new LimitsSuite(), new NeighbourTableSuite(), new RelaySuite(),
        new RoleSuite(), new BalanceProofSuite(), new ChannelFsmSuite(), new WitnessSuite(),
        new RewardsSuite(), new SyncSuite(), new ReconSuite(), new ChannelLedgerSuite(),
        new ChannelMessageSuite());
  }

  /** The suite for a {@code codec} name, or null. */
  public static Suite forCodec(String codec) {
    for (Suite s : all()) {
      if (s.codec().equals(codec)) {
        return s;
      }
    }
    return null;
  }
}
