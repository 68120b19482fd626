package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.mtc.crypto.Verdict;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;

class ChannelSignerTest {
  @Test
  void messageIsContextTypeThenEncoding() {
    BalanceProof p = BalanceProofCodecTest.sample();
    byte[] m = ChannelSigner.message(SignatureType.STATE, p);
    byte[] ctx = "MTC/channels/v1/sig".getBytes(StandardCharsets.US_ASCII);
    assertTrue(Arrays.equals(ctx, Arrays.copyOf(m, ctx.length)));
    assertEquals(1, m[ctx.length]);
    assertTrue(Arrays.equals(p.encode(), Arrays.copyOfRange(m, ctx.length + 1, m.length)));
  }

  @Test
  void aSignatureVerifiesOnlyInItsOwnContext() {
    Fixture f = new Fixture(Asset.ETH, 1000, 500).funded();
    BalanceProof p = f.pay(Party.A, 10).proof();
    Bytes sig = ChannelSigner.sign(f.a, SignatureType.STATE, p);
    assertEquals(Verdict.VALID, ChannelSigner.verify(f.a.publicKey(), SignatureType.STATE, p, sig));
    assertFalse(ChannelSigner.verify(f.a.publicKey(), SignatureType.COOPERATIVE_CLOSE, p, sig).isValid());
    assertFalse(ChannelSigner.verify(f.b.publicKey(), SignatureType.STATE, p, sig).isValid());
    BalanceProof otherLedger = new BalanceProof(8, p.channelId(), p.asset(), p.nonce(), p.balanceA(),
        p.balanceB(), p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
    BalanceProof otherAsset = new BalanceProof(7, p.channelId(), Asset.AE, p.nonce(), p.balanceA(),
        p.balanceB(), p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
    byte[] cid = p.channelId().toByteArray();
    cid[0] ^= 1;
    BalanceProof otherChannel = new BalanceProof(7, Bytes.copyOf(cid), p.asset(), p.nonce(), p.balanceA(),
        p.balanceB(), p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
    for (BalanceProof q : new BalanceProof[] {otherLedger, otherAsset, otherChannel}) {
      assertFalse(ChannelSigner.verify(f.a.publicKey(), SignatureType.STATE, q, sig).isValid());
    }
    // a frame signature over the raw encoding is not a channel signature either
    Bytes raw = Bytes.copyOf(f.a.sign(p.encode()));
    assertFalse(ChannelSigner.verify(f.a.publicKey(), SignatureType.STATE, p, raw).isValid());
  }

  @Test
  void coSignedStatesVerifyUnderBothKeysOnly() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    SignedState s = f.pay(Party.B, 3);
    assertTrue(s.verify(f.a.publicKey(), f.b.publicKey()));
    assertFalse(s.verify(f.b.publicKey(), f.a.publicKey()));
    assertFalse(new SignedState(s.proof(), s.sigA(), s.sigA()).verify(f.a.publicKey(), f.b.publicKey()));
  }
}
