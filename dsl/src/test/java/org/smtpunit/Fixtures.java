package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Messages kept in test resources, read as a mailbox reader would hand them over (CRLF). */
final class Fixtures {

  private Fixtures() {}

  /** Returns the resource as a received message with CRLF line endings. */
  static ReceivedMessage message(String resource, String recipient) {
    return new ReceivedMessage(crlf(text(resource)), List.of(recipient));
  }

  /** Returns the resource as stored. */
  static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }
}
