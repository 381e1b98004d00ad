package org.smtpunit.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Attaches a transcript file to the test's report where the user's JUnit can: {@code publishFile}
 * with {@code org.junit.jupiter.api.MediaType} exists from JUnit 5.14 on. On older versions (the
 * extension supports 5.10 up) nothing is attached; the report entries and the file on disk still
 * carry the transcript.
 */
final class TranscriptAttachment {

  /** Looked up once: touching {@link MediaType} on JUnit 5.10-5.13 is a NoClassDefFoundError. */
  private static final boolean SUPPORTED = supported();

  private TranscriptAttachment() {}

  static void attach(ExtensionContext context, Path file) {
    if (!SUPPORTED || !Files.isRegularFile(file)) {
      return;
    }
    try {
      context.publishFile(
          file.getFileName().toString(),
          MediaType.TEXT_PLAIN_UTF_8,
          target -> Files.copy(file, target));
    } catch (RuntimeException | LinkageError unsupported) {
      // Launchers without an output directory (EngineTestKit by default) refuse attachments, and
      // a JUnit that differs from the one probed must never fail the test over an attachment.
    }
  }

  private static boolean supported() {
    try {
      ClassLoader loader = ExtensionContext.class.getClassLoader();
      Class<?> mediaType = Class.forName("org.junit.jupiter.api.MediaType", false, loader);
      ExtensionContext.class.getMethod(
          "publishFile", String.class, mediaType, ThrowingConsumer.class);
      return true;
    } catch (ReflectiveOperationException | LinkageError absent) {
      return false;
    }
  }
}
