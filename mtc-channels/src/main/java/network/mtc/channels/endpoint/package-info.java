/**
 * The durable channel endpoint: the state machine, the party's key and the journal joined so that a node
 * never signs two states at one nonce and never loses a state it acknowledged, across crashes.
 */
package network.mtc.channels.endpoint;
