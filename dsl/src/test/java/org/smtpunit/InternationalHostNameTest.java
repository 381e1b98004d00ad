package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** SmtpClient.open resolves an internationalized host name by its A-label (RFC 5891). */
class InternationalHostNameTest {

  @Test
  void open_resolves_an_internationalized_host_by_its_a_label() {
    // Under .invalid no query leaves the machine, and the message shows the name that was resolved.
    SmtpConnectException e =
        catchThrowableOfType(
            SmtpConnectException.class, () -> SmtpClient.defaults().open("mx.bücher.invalid", 25));

    assertThat(e.failure()).isEqualTo(ConnectFailure.UNKNOWN_HOST);
    assertThat(e.getMessage())
        .startsWith("Could not open connection to mx.bücher.invalid on port 25")
        .contains(
            "UnknownHostException: mx.xn--bcher-kva.invalid: the .invalid domain never resolves");
  }

  @Test
  void a_host_name_without_an_a_label_form_is_an_unknown_host() {
    SmtpConnectException e =
        catchThrowableOfType(
            SmtpConnectException.class,
            () -> SmtpClient.defaults().open("ü".repeat(70) + ".example", 25));

    assertThat(e.failure()).isEqualTo(ConnectFailure.UNKNOWN_HOST);
    assertThat(e.getMessage()).contains("no A-label form");
  }
}
