package org.smtpunit.stub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The stub's end of one connection, as a {@link Fault} acts on it in place of a reply. */
interface StubChannel {

  /** Returns the reply's bytes: its lines joined by CRLF, ending with CRLF. */
  static byte[] wire(String reply) {
    return (reply.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Sends the bytes at once. */
  void write(byte[] bytes) throws IOException;

  /** Reads and drops what the client sends until it closes the connection. */
  void drainUntilClosed() throws IOException;

  /** Waits until the connection is closed (by the client, a fault or the stub). */
  void awaitClose() throws InterruptedException;

  /** Aborts the connection with a TCP RST. */
  void reset() throws IOException;

  /** Closes the connection. */
  void close();
}
