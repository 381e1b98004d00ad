package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testing.TestCertificates.Certificate;
import org.smtpunit.testserver.SecureScript;
import org.smtpunit.testserver.WalkthroughScript;

/**
 * Opening a session by host, by MX and as a probe gives one answer for one failure, and the session
 * knows when the server is reading message content. Loopback only.
 */
class SessionOpeningTest {

  @TempDir static Path certificates;

  private static Certificate otherName;

  private ScriptedSmtpServer server;

  @BeforeAll
  static void makeCertificates() {
    otherName = TestCertificates.create(certificates, "other", "dns:other.example", 0, 30);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SmtpClient startTlsClientAgainstAServerWithTheWrongName() {
    server = ScriptedSmtpServer.start(new SecureScript(otherName.serverContext()));
    return SmtpClient.builder()
        .replyTimeout(Duration.ofSeconds(5))
        .trust(otherName.trustStore())
        .tls(TlsMode.STARTTLS)
        .build();
  }

  @Test
  void a_probe_reports_a_failed_tls_handshake_as_tls_failed_instead_of_throwing() {
    SmtpClient client = startTlsClientAgainstAServerWithTheWrongName();

    ConnectionProbe probe = client.probe(server.host(), server.port());

    assertThat(probe.isOpen()).isFalse();
    assertThat(probe.failure()).hasValue(ConnectFailure.TLS_FAILED);
    assertThat(probe.transcript().toString())
        .contains(" -> STARTTLS")
        .contains("TLS handshake failed: the server's certificate does not match host name");
  }

  @Test
  void mx_fallback_names_a_failed_tls_handshake_as_tls_failed_like_the_probe() throws Exception {
    SmtpClient client = startTlsClientAgainstAServerWithTheWrongName();
    MxRecords mx =
        new MxRecords(
            "fabrikam.com",
            List.of(
                new MxRecord(
                    10, "mail1.fabrikam.com", List.of(InetAddress.getByName(server.host())))),
            false);

    SmtpConnectException e =
        catchThrowableOfType(SmtpConnectException.class, () -> client.open(mx, server.port()));

    assertThat(e.failure()).isEqualTo(ConnectFailure.TLS_FAILED);
    assertThat(e.getMessage())
        .contains(
            "  - mail1.fabrikam.com [127.0.0.1]:"
                + server.port()
                + ": TLS could not be established")
        .contains("  - the server's certificate is not trusted, has expired or does not name");
    assertThat(e.getCause()).isInstanceOf(SmtpTlsException.class);
  }

  static Stream<Arguments> ways_an_open_breaks_off() {
    Transcript none = Transcript.empty();
    SmtpStage greeting = SmtpStage.GREETING;
    return Stream.of(
        arguments(
            new SmtpConnectException("refused", ConnectFailure.REFUSED, none, null),
            ConnectFailure.REFUSED),
        arguments(
            new SmtpTlsException("handshake", greeting, none, null), ConnectFailure.TLS_FAILED),
        arguments(
            new SmtpTimeoutException("silent", greeting, none, null), ConnectFailure.NO_GREETING),
        arguments(
            new SmtpConnectionClosedException("closed", greeting, none, null),
            ConnectFailure.CLOSED_BEFORE_GREETING),
        arguments(
            new SmtpProtocolException("garbage", "HTTP/1.1 400", greeting, none),
            ConnectFailure.MALFORMED_GREETING),
        arguments(new SmtpException("other", greeting, none, null), ConnectFailure.OTHER));
  }

  @ParameterizedTest
  @MethodSource("ways_an_open_breaks_off")
  void each_way_an_open_breaks_off_has_one_connect_failure(
      SmtpException e, ConnectFailure expected) {
    assertThat(Connector.classify(e)).isEqualTo(expected);
  }

  @Test
  void a_session_awaits_content_from_the_354_until_the_message_is_sent() {
    server = ScriptedSmtpServer.start(new WalkthroughScript().withMailboxes("kate@fabrikam.com"));
    SmtpClient client = SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      assertThat(smtp.awaitingContent()).isFalse();

      assertThat(smtp.data().code()).isEqualTo(354);
      assertThat(smtp.awaitingContent()).isTrue();

      assertThat(smtp.content(MailMessage.raw("Subject: Hi\r\n\r\nHello")).code()).isEqualTo(250);
      assertThat(smtp.awaitingContent()).isFalse();
    }
  }

  @Test
  void a_pipelined_data_answered_with_354_awaits_content_and_closing_ends_it() {
    server = ScriptedSmtpServer.start(new WalkthroughScript().withMailboxes("kate@fabrikam.com"));
    SmtpClient client = SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      List<SmtpReply> replies =
          smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("kate@fabrikam.com").data().send();

      assertThat(replies.get(2).code()).isEqualTo(354);
      assertThat(smtp.awaitingContent()).isTrue();

      smtp.close();
      assertThat(smtp.awaitingContent()).isFalse();
    }
  }

  @Test
  void the_on_open_listener_sees_every_session_opened_by_host_by_mx_and_by_probe()
      throws Exception {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    List<String> opened = new ArrayList<>();
    SmtpClient client =
        SmtpClient.builder()
            .replyTimeout(Duration.ofSeconds(5))
            .onOpen(session -> opened.add(session.remoteHost()))
            .build();
    MxRecords mx =
        new MxRecords(
            "fabrikam.com",
            List.of(
                new MxRecord(
                    10, "mail1.fabrikam.com", List.of(InetAddress.getByName(server.host())))),
            false);

    client.open(server.host(), server.port()).close();
    client.open(mx, server.port()).close();
    client.probe(server.host(), server.port());

    assertThat(opened).containsExactly(server.host(), "mail1.fabrikam.com", server.host());
  }

  @Test
  void an_unknown_command_answered_with_500_does_not_await_content() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    SmtpClient client = SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      SmtpReply reply = smtp.command("FOO");

      assertThat(reply.code()).isEqualTo(500);
      assertThat(smtp.awaitingContent()).isFalse();
    }
  }
}
