package org.smtpunit.stub;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What one connection's client sends, read through the stub's own buffer with hard limits: a line
 * longer than the limit, content larger than the limit or a sender that never stops cost the stub
 * no more memory than the limits, whatever arrives.
 */
final class StubInput {

  private InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private boolean overflowed;

  StubInput(InputStream in) {
    this.in = in;
  }

  /** Continues on a new stream (after the TLS handshake). */
  void switchTo(InputStream stream) {
    this.in = stream;
  }

  /**
   * Drops what the client sent after the line just read: RFC 3207 §4.2 (and CVE-2011-0411) want
   * nothing sent before the TLS handshake to be taken as a command.
   */
  void discardBuffered() {
    position = limit;
  }

  /** Returns whether the last line or content read went over its limit (and was cut). */
  boolean overflowed() {
    return overflowed;
  }

  /**
   * Reads one line without its CRLF (or bare LF), keeping at most {@code max} bytes of it and
   * discarding the rest.
   *
   * @return the line, or {@code null} when the client closed the connection first
   */
  String readLine(int max) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(Math.min(max, 128));
    overflowed = false;
    while (true) {
      int b = read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (length > max) {
          overflowed = true;
          length = max;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      // One byte of room beyond the limit for the CR of a line that is exactly max long.
      if (line.size() <= max) {
        line.write(b);
      } else {
        overflowed = true;
      }
    }
  }

  /**
   * Reads DATA content up to the lone dot (RFC 5321 §4.5.2), removing the transparency dots,
   * keeping at most {@code max} bytes and discarding the rest.
   *
   * @throws EOFException when the client closed the connection before the final dot
   */
  byte[] readContent(long max) throws IOException {
    ByteArrayOutputStream content = new ByteArrayOutputStream(4096);
    overflowed = false;
    // 0: at a line start; 1: inside a line; 2: a dot at a line start; 3: ".\r" at a line start.
    int state = 0;
    while (true) {
      int b = read();
      if (b < 0) {
        throw new EOFException("client closed the connection inside the content");
      }
      switch (state) {
        case 0 -> {
          if (b == '.') {
            state = 2;
          } else {
            keep(content, b, max);
            state = b == '\n' ? 0 : 1;
          }
        }
        case 1 -> {
          keep(content, b, max);
          state = b == '\n' ? 0 : 1;
        }
        case 2 -> {
          if (b == '\r') {
            state = 3;
          } else if (b == '\n') {
            return content.toByteArray();
          } else {
            keep(content, b, max);
            state = 1;
          }
        }
        default -> {
          if (b == '\n') {
            return content.toByteArray();
          }
          keep(content, '\r', max);
          keep(content, b, max);
          state = 1;
        }
      }
    }
  }

  /**
   * Reads exactly {@code size} bytes of a BDAT chunk, keeping at most {@code max} of them.
   *
   * @throws EOFException when the client closed the connection first
   */
  byte[] readChunk(long size, long max) throws IOException {
    ByteArrayOutputStream chunk = new ByteArrayOutputStream((int) Math.min(size, 65536));
    overflowed = false;
    for (long i = 0; i < size; i++) {
      int b = read();
      if (b < 0) {
        throw new EOFException("client closed the connection inside a BDAT chunk");
      }
      keep(chunk, b, max);
    }
    return chunk.toByteArray();
  }

  /** Reads and drops everything until the client closes. */
  void drain() throws IOException {
    while (read() >= 0) {
      position = limit;
    }
  }

  private void keep(ByteArrayOutputStream out, int b, long max) {
    if (out.size() < max) {
      out.write(b);
    } else {
      overflowed = true;
    }
  }

  private int read() throws IOException {
    if (position == limit) {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return -1;
      }
      position = 0;
      limit = n;
    }
    return buffer[position++] & 0xff;
  }
}
