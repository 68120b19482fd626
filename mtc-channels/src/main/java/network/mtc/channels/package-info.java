/**
 * Payment channels (not yet implemented: this package holds the module's place in the layer stack
 * wire &lt;- crypto &lt;- routing &lt;- channels).
 */
package network.mtc.channels;
