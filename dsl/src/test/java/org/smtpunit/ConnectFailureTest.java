package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/** telnet's "Could not open connection to the host", each cause told apart. Loopback only. */
class ConnectFailureTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder()
          .connectTimeout(Duration.ofMillis(500))
          .replyTimeout(Duration.ofSeconds(2))
          .build();

  private static int closedLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void a_closed_loopback_port_is_refused_with_the_walkthrough_message() throws IOException {
    int port = closedLoopbackPort();

    SmtpConnectException e =
        catchThrowableOfType(SmtpConnectException.class, () -> CLIENT.open("127.0.0.1", port));

    assertThat(e.failure()).isEqualTo(ConnectFailure.REFUSED);
    assertThat(e.stage()).isEqualTo(SmtpStage.CONNECT);
    assertThat(e.getMessage())
        .startsWith(
            "Could not open connection to 127.0.0.1 on port "
                + port
                + ": connection refused [ConnectException: Connection refused]\n"
                + "Likely causes:\n"
                + "  - the destination SMTP service is unavailable (not running or not listening"
                + " on this port)\n"
                + "  - a wrong port number\n");
  }

  @Test
  void a_name_under_the_reserved_invalid_domain_is_an_unknown_host() {
    SmtpConnectException e =
        catchThrowableOfType(
            SmtpConnectException.class, () -> CLIENT.open("mail1.fabrikam.invalid", 25));

    assertThat(e.failure()).isEqualTo(ConnectFailure.UNKNOWN_HOST);
    assertThat(e.getMessage())
        .startsWith(
            "Could not open connection to mail1.fabrikam.invalid on port 25: the host name does"
                + " not resolve")
        .contains("  - a wrong FQDN for the destination");
  }

  @Test
  void a_listener_whose_backlog_is_full_times_out() throws IOException {
    // A backlog of 1 that is never accepted: once it is full the kernel drops new SYNs.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket filler = new Socket();
          try {
            filler.connect(listener.getLocalSocketAddress(), 200);
            fillers.add(filler);
          } catch (SocketTimeoutException full) {
            filler.close();
            break;
          }
        }

        SmtpConnectException e =
            catchThrowableOfType(
                SmtpConnectException.class,
                () -> CLIENT.open("127.0.0.1", listener.getLocalPort()));

        assertThat(e.failure()).isEqualTo(ConnectFailure.TIMED_OUT);
        assertThat(e.getMessage())
            .contains("no answer within the connect timeout")
            .contains("  - a firewall restriction at the destination that drops the connection");
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  static List<Object[]> platformFailures() {
    return List.of(
        new Object[] {new UnknownHostException("x"), ConnectFailure.UNKNOWN_HOST},
        new Object[] {new ConnectException("Connection refused"), ConnectFailure.REFUSED},
        new Object[] {new SocketTimeoutException("Connect timed out"), ConnectFailure.TIMED_OUT},
        new Object[] {new NoRouteToHostException("No route to host"), ConnectFailure.UNREACHABLE},
        new Object[] {new ConnectException("Network is unreachable"), ConnectFailure.UNREACHABLE},
        new Object[] {new SocketException("Host is unreachable"), ConnectFailure.UNREACHABLE},
        new Object[] {new PortUnreachableException("x"), ConnectFailure.REFUSED},
        new Object[] {new ConnectException("Connection timed out"), ConnectFailure.TIMED_OUT},
        new Object[] {new SocketException("Permission denied"), ConnectFailure.OTHER});
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("platformFailures")
  void classifies_every_platform_failure(IOException e, ConnectFailure expected) {
    assertThat(Connector.classify(e)).isEqualTo(expected);
  }

  @Test
  void probe_reports_an_open_server_with_its_greeting_and_quits_politely() {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(new WalkthroughScript())) {
      ConnectionProbe probe = CLIENT.probe(server.host(), server.port());

      assertThat(probe.isOpen()).isTrue();
      assertThat(probe.failure()).isEmpty();
      assertThat(probe.greeting()).hasValueSatisfying(g -> assertThat(g.code()).isEqualTo(220));
      server.conversation().awaitClientClose();
      assertThat(server.conversation().lines()).containsExactly("QUIT");
    }
  }

  @Test
  void probe_never_throws_for_a_connection_failure() throws IOException {
    ConnectionProbe probe = CLIENT.probe("127.0.0.1", closedLoopbackPort());

    assertThat(probe.isOpen()).isFalse();
    assertThat(probe.failure()).hasValue(ConnectFailure.REFUSED);
    assertThat(probe.greeting()).isEmpty();
  }

  @Test
  void probe_tells_a_server_that_never_greets() {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(c -> c.awaitClientClose())) {
      ConnectionProbe probe =
          CLIENT.toBuilder()
              .replyTimeout(Duration.ofMillis(300))
              .build()
              .probe(server.host(), server.port());

      assertThat(probe.failure()).hasValue(ConnectFailure.NO_GREETING);
    }
  }

  @Test
  void the_session_says_which_address_answered() {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(new WalkthroughScript());
        SmtpSession smtp = CLIENT.open("localhost", server.port())) {
      assertThat(smtp.remoteHost()).isEqualTo("localhost");
      assertThat(smtp.remoteAddress())
          .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    }
  }
}
