/**
 * Token rewards for phones and mesh stations: an exact-integer calculator of the formula in
 * spec/rewards.md.
 */
package network.mtc.channels.rewards;
