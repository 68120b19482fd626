/**
 * Payment channels (spec/channels.md): {@link network.mtc.channels.Asset} and exact
 * {@link network.mtc.channels.Amount}s, {@link network.mtc.channels.BalanceProof}s with their canonical
 * encoding and domain-separated signatures, the pure state machine {@link network.mtc.channels.ChannelMachine}
 * over sealed {@link network.mtc.channels.ChannelState}s and {@link network.mtc.channels.ChannelEvent}s, and
 * the settlement SPI {@link network.mtc.channels.Ledger} with its deterministic
 * {@link network.mtc.channels.ReferenceLedger}. Layers: wire &lt;- crypto &lt;- routing &lt;- channels.
 */
package network.mtc.channels;
