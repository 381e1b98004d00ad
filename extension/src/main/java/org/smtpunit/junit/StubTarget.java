package org.smtpunit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.smtpunit.SmtpClient;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;

/**
 * The extension's {@link SmtpStub}: one per test method, started when the test (or the session
 * {@code @SmtpTarget(stub = true)} opens for it) first needs it, closed after the test once the
 * session has said QUIT.
 */
final class StubTarget {

  private static final Namespace NAMESPACE = Namespace.create(StubTarget.class);
  private static final String KEY = "stub";

  private StubTarget() {}

  /** Returns whether the extension injects this parameter type as a stub. */
  static boolean supports(Class<?> type) {
    return type == SmtpStub.class;
  }

  /** Returns the test's stub, starting it with the persona on first use. */
  static SmtpStub stub(ExtensionContext context, Persona persona) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KEY, k -> SmtpStub.start(persona), SmtpStub.class);
  }

  /** Returns a client like {@code client} that also trusts the stub's certificate. */
  static SmtpClient trusting(SmtpClient client, SmtpStub stub) {
    return client.toBuilder().trust(stub.trustStore()).build();
  }

  /** Closes the test's stub, if it started one: every connection and thread ends. */
  static void close(ExtensionContext context) {
    SmtpStub stub = context.getStore(NAMESPACE).remove(KEY, SmtpStub.class);
    if (stub != null) {
      stub.close();
    }
  }
}
