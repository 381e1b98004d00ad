package org.smtpunit.checks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;

/**
 * Reaches {@code SmtpSession.rawContent}, the package-private hook that writes content bytes
 * verbatim. It stays package-private so that the public API never offers a way around the session's
 * line-ending and dot-stuffing rules; only the smuggling probes need one.
 */
final class RawContent {

  private static final MethodHandle RAW_CONTENT = find();

  private RawContent() {}

  static SmtpReply send(SmtpSession session, byte[] bytes, List<String> shown) {
    try {
      return (SmtpReply) RAW_CONTENT.invokeExact(session, bytes, shown);
    } catch (SmtpException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("SmtpSession.rawContent failed unexpectedly", e);
    }
  }

  private static MethodHandle find() {
    try {
      // Same library, same module: the session's package is open to this one.
      return MethodHandles.privateLookupIn(SmtpSession.class, MethodHandles.lookup())
          .findVirtual(
              SmtpSession.class,
              "rawContent",
              MethodType.methodType(SmtpReply.class, byte[].class, List.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("SmtpSession.rawContent is missing from this build", e);
    }
  }
}
