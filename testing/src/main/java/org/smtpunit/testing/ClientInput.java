package org.smtpunit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What the client of one {@link ScriptedSmtpServer.Conversation} sends: read ahead in bulk, handed
 * out as lines or as counted bytes, and kept (every byte and every line) for the test to inspect.
 */
final class ClientInput {

  private final Supplier<IOException> closedByClient;
  private InputStream in;

  /** Bytes read from {@code in} ahead of the current line, so long lines are read in bulk. */
  private final byte[] ahead = new byte[8192];

  private int aheadPosition;
  private int aheadLimit;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** Reads {@code in}; a read the client's close cuts short throws {@code closedByClient}'s. */
  ClientInput(InputStream in, Supplier<IOException> closedByClient) {
    this.in = in;
    this.closedByClient = closedByClient;
  }

  /** Returns whether bytes were read ahead that no line or count has taken yet. */
  boolean hasReadAhead() {
    return aheadPosition < aheadLimit;
  }

  /** Reads from this stream from now on (the TLS layer after a handshake). */
  void switchTo(InputStream in) {
    this.in = in;
  }

  /** Returns one line without its CRLF (or bare LF). */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = nextByte();
      if (b < 0) {
        throw closedByClient.get();
      }
      synchronized (received) {
        received.write(b);
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        lines.add(text);
        return text;
      }
      line.write(b);
    }
  }

  /** Returns exactly {@code count} bytes, wherever lines end. */
  byte[] readBytes(int count) throws IOException {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      int b = nextByte();
      if (b < 0) {
        throw closedByClient.get();
      }
      bytes[i] = (byte) b;
    }
    synchronized (received) {
      received.write(bytes, 0, count);
    }
    return bytes;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  byte[] receivedBytes() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  private int nextByte() throws IOException {
    if (aheadPosition == aheadLimit) {
      int n = in.read(ahead, 0, ahead.length);
      if (n < 0) {
        return -1;
      }
      aheadPosition = 0;
      aheadLimit = n;
    }
    return ahead[aheadPosition++] & 0xff;
  }
}
