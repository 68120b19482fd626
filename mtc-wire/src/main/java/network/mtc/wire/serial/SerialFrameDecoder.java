package network.mtc.wire.serial;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * The streaming receiver of {@link SerialFraming}: takes bytes as the UART delivers them, in chunks of
 * any size, and hands each good packet to a {@link Listener}. It resynchronises on every {@code 0x00}:
 * garbage before a delimiter, a truncated frame, a corrupted frame (bad COBS or CRC) or an oversized one is
 * dropped and counted, and decoding resumes with the next byte. Empty frames (two delimiters in a row) are
 * idle fill and not counted.
 *
 * <p>Memory is one buffer of {@link SerialFraming#MAX_ENCODED_LENGTH} bytes: bytes of an oversized frame are
 * discarded as they come, not buffered. Not thread-safe.
 *
 * @since 0.1
 */
public final class SerialFrameDecoder {
  /** Receives what the decoder finds. */
  public interface Listener {
    /** A good packet, at {@code buf[off, off + len)}; the buffer is reused after the call. */
    void onPacket(byte[] buf, int off, int len);

    /**
     * A frame was dropped.
     *
     * @param reason the first rule it broke
     * @param streamOffset offset in the whole stream of the delimiter that ended it
     */
    default void onDropped(DecodeError reason, long streamOffset) {}
  }

  private final Listener listener;
  private final byte[] frame = new byte[SerialFraming.MAX_ENCODED_LENGTH];
  private int fill;
  private boolean overflow;
  private long streamOffset;
  private long packets;
  private long dropped;

  /** A decoder that reports to {@code listener}. */
  public SerialFrameDecoder(Listener listener) {
    this.listener = listener;
  }

  /** Feeds received bytes. */
  public void feed(byte[] buf, int off, int len) {
    int end = off + len;
    int p = off;
    while (p < end) {
      int zero = Cobs.indexOfZero(buf, p, end);
      int stop = zero < 0 ? end : zero;
      int n = stop - p;
      if (!overflow) {
        if (fill + n > frame.length) {
          overflow = true;
        } else {
          System.arraycopy(buf, p, frame, fill, n);
          fill += n;
        }
      }
      streamOffset += n;
      p = stop;
      if (zero >= 0) {
        endOfFrame();
        streamOffset++;
        p++;
      }
    }
  }

  /** Packets delivered so far. */
  public long packets() {
    return packets;
  }

  /** Frames dropped so far (garbage, truncated, corrupted or oversized). */
  public long dropped() {
    return dropped;
  }

  /** Bytes consumed so far. */
  public long streamOffset() {
    return streamOffset;
  }

  private void endOfFrame() {
    if (overflow) {
      drop(DecodeError.TOO_LONG);
    } else if (fill > 0) {
      int n;
      try {
        n = SerialFraming.decodeInPlace(frame, 0, fill);
      } catch (MtcDecodeException e) {
        drop(e.code());
        return;
      }
      fill = 0;
      packets++;
      listener.onPacket(frame, 0, n);
    }
    fill = 0;
    overflow = false;
  }

  private void drop(DecodeError reason) {
    dropped++;
    fill = 0;
    overflow = false;
    listener.onDropped(reason, streamOffset);
  }
}
