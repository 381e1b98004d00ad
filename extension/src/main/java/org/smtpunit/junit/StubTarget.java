package org.smtpunit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;

/**
 * The extension's {@link SmtpStub}: one per test method, started when the test (or the session
 * {@code @SmtpTarget(stub = true)} opens for it) first needs it, closed after the test once its
 * sessions have said QUIT.
 */
final class StubTarget {

  private static final Namespace NAMESPACE = Namespace.create(StubTarget.class);
  private static final String KEY = "stub";

  private StubTarget() {}

  /** Returns whether the extension injects this parameter type as a stub. */
  static boolean supports(Class<?> type) {
    return type == SmtpStub.class;
  }

  /**
   * Returns the test's stub, starting it with the persona on first use.
   *
   * @throws ParameterResolutionException outside a test method (e.g. for {@code BeforeAll})
   */
  static SmtpStub stub(ExtensionContext context, Persona persona) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "An SmtpStub belongs to one test: declare it on a test method or a @BeforeEach/@AfterEach"
              + " method, not on "
              + context.getDisplayName());
    }
    return Stores.computeIfAbsent(
            context.getStore(NAMESPACE), KEY, k -> new Lease(SmtpStub.start(persona)), Lease.class)
        .stub();
  }

  /** Returns a client like {@code client} that also trusts the stub's certificate. */
  static SmtpClient trusting(SmtpClient client, SmtpStub stub) {
    return client.toBuilder().trust(stub.trustStore()).build();
  }

  /** Opens the test's injected session to its stub (greeting read). */
  static SmtpSession openSession(
      ExtensionContext context, Persona persona, SmtpClient client, TestSessions test) {
    SmtpStub stub = stub(context, persona);
    SmtpSession session = trusting(client, stub).open(stub.host(), stub.port());
    test.inject(session);
    return session;
  }

  /** Closes the test's stub, if it started one: every connection and thread ends. */
  static void close(ExtensionContext context) {
    Lease lease = context.getStore(NAMESPACE).remove(KEY, Lease.class);
    if (lease != null) {
      lease.close();
    }
  }

  /** The stub in the test's store, closed by JUnit too if {@link #close} was never reached. */
  private record Lease(SmtpStub stub) implements StoredResource {
    @Override
    public void close() {
      stub.close();
    }
  }
}
