package org.smtpunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

  @ParameterizedTest
  @CsvSource({
    "mail1.fabrikam.com, mail1.fabrikam.com, 25, mail1.fabrikam.com:25",
    "mail1.fabrikam.com:2525, mail1.fabrikam.com, 2525, mail1.fabrikam.com:2525",
    "' 127.0.0.1:587 ', 127.0.0.1, 587, 127.0.0.1:587",
    "[::1]:2525, ::1, 2525, [::1]:2525",
    "[::1], ::1, 25, [::1]:25",
    "::1, ::1, 25, [::1]:25",
  })
  void parses_host_host_port_and_bracketed_ipv6_and_writes_them_back(
      String text, String host, int port, String written) {
    HostPort parsed = HostPort.parse(text, 25);

    assertThat(parsed.host()).isEqualTo(host);
    assertThat(parsed.port()).isEqualTo(port);
    assertThat(parsed).hasToString(written);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "localhost:70000 | [localhost:70000]: expected a port from 1 to 65535",
        "localhost:0 | [localhost:0]: expected a port from 1 to 65535",
        "localhost:smtp | [localhost:smtp]: expected a port from 1 to 65535",
        "[::1 | [[::1]: expected an IPv6 address in brackets: [::1]:2525",
        "[::1]2525 | [[::1]2525]: expected host, host:port or [IPv6]:port",
        ":25 | [:25]: expected host, host:port or [IPv6]:port",
        "mail host:25 | [mail host:25]: expected host, host:port or [IPv6]:port",
      })
  void refuses_what_is_not_a_host_and_port_saying_what_was_expected(String text, String message) {
    assertThatThrownBy(() -> HostPort.parse(text, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void refuses_a_port_outside_1_to_65535_naming_it(int port) {
    assertThat(HostPort.isPort(port)).isFalse();
    assertThatThrownBy(() -> HostPort.checkPort("DNS server port", port))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DNS server port must be 1 to 65535, was [" + port + "]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 25, 65535})
  void accepts_every_port_from_1_to_65535(int port) {
    assertThat(HostPort.checkPort("Port", port)).isEqualTo(port);
  }
}
