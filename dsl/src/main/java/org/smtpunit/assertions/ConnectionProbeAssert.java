package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeOpen.shouldBeOpen;
import static org.smtpunit.assertions.error.ShouldHaveConnectFailure.shouldHaveConnectFailure;

import org.smtpunit.ConnectFailure;
import org.smtpunit.ConnectionProbe;

/**
 * Assertions on a {@link ConnectionProbe}; get one from {@link
 * SmtpAssertions#assertThat(ConnectionProbe)}.
 *
 * <pre>{@code
 * assertThat(client.probe("127.0.0.1", closedPort)).failedWith(ConnectFailure.REFUSED);
 * }</pre>
 */
public class ConnectionProbeAssert
    extends AbstractSmtpUnitAssert<ConnectionProbeAssert, ConnectionProbe> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public ConnectionProbeAssert(ConnectionProbe actual) {
    super(actual, ConnectionProbeAssert.class);
  }

  /** Verifies the connection opened and the server greeted. */
  public ConnectionProbeAssert isOpen() {
    isNotNull();
    if (!actual.isOpen()) {
      throwAssertionError(shouldBeOpen(actual, actual.failure().orElseThrow()));
    }
    return myself;
  }

  /**
   * Verifies the connection failed, and why.
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public ConnectionProbeAssert failedWith(ConnectFailure expected) {
    Expected.notNull(expected, "failure");
    isNotNull();
    if (actual.failure().filter(expected::equals).isEmpty()) {
      String outcome =
          actual.isOpen()
              ? "was open with greeting " + actual.greeting().orElseThrow()
              : "failed with " + actual.failure().orElseThrow();
      failWithDiff(
          actual.failure().map(Object::toString).orElse("open"),
          expected.toString(),
          shouldHaveConnectFailure("connection probe", actual, expected, outcome));
    }
    return myself;
  }
}
