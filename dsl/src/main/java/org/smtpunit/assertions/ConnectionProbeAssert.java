package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeOpen.shouldBeOpen;
import static org.smtpunit.assertions.error.ShouldHaveConnectFailure.shouldHaveConnectFailure;

import org.assertj.core.api.AbstractAssert;
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
public class ConnectionProbeAssert extends AbstractAssert<ConnectionProbeAssert, ConnectionProbe> {

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

  /** Verifies the connection failed, and why. */
  public ConnectionProbeAssert failedWith(ConnectFailure expected) {
    isNotNull();
    if (actual.failure().filter(expected::equals).isEmpty()) {
      String outcome =
          actual.isOpen()
              ? "was open with greeting " + actual.greeting().orElseThrow()
              : "failed with " + actual.failure().orElseThrow();
      throwAssertionError(shouldHaveConnectFailure("connection probe", actual, expected, outcome));
    }
    return myself;
  }
}
