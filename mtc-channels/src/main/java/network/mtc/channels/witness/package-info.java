/**
 * Witnesses (watchtowers) for offline channels: PISA-style appointments (a locator and an encrypted
 * co-signed state), signed receipts, a bounded appointment store and the stagger rule that spreads
 * witnesses' submissions over the challenge window. Normative text: spec/channels-durability.md.
 */
package network.mtc.channels.witness;
