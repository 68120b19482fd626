/**
 * Payload codecs of the routing frame types: {@link network.mtc.routing.message.Announce} (type 3) with
 * its {@link network.mtc.routing.message.AnnounceCodec}. Decoders throw {@code MtcDecodeException} with
 * the code and offset of the first rule broken, in the order of spec/routing.md.
 */
package network.mtc.routing.message;
