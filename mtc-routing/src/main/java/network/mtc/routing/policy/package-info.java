/**
 * The relay decision, pluggable: {@link network.mtc.routing.policy.RelayPolicy} with its sealed
 * {@link network.mtc.routing.policy.RelayDecision}s, what a policy sees ({@link
 * network.mtc.routing.policy.Reception}, {@link network.mtc.routing.policy.RelayContext}, {@link
 * network.mtc.routing.policy.NeighbourView}), and the baselines FLOOD, MANAGED and COUNTER behind
 * {@link network.mtc.routing.policy.RelayPolicies} (spec/routing.md, section 9).
 */
package network.mtc.routing.policy;
