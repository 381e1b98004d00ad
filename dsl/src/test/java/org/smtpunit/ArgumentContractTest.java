package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/**
 * Arguments the wire, TLS or SASL cannot carry are refused before anything is sent, and what the
 * walkthrough's users paste (paths in angle brackets) is sent as they meant it.
 */
class ArgumentContractTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).allowPlaintextAuth(true).build();

  private ScriptedSmtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SmtpSession walkthrough() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    return CLIENT.open(server.host(), server.port());
  }

  /** Closes the session and returns every line the server received. */
  private List<String> linesReceived(SmtpSession smtp) {
    smtp.close();
    server.conversation().awaitClientClose();
    return server.conversation().lines();
  }

  @Test
  void a_path_pasted_with_its_brackets_is_sent_with_one_pair() {
    SmtpSession smtp = walkthrough();

    assertThat(smtp.mailFrom("<chris@contoso.com>").code()).isEqualTo(250);
    assertThat(smtp.rcptTo("<kate@fabrikam.com>").code()).isEqualTo(250);
    smtp.rset();
    smtp.mailFrom("<>");

    assertThat(linesReceived(smtp))
        .containsExactly(
            "MAIL FROM:<chris@contoso.com>", "RCPT TO:<kate@fabrikam.com>", "RSET", "MAIL FROM:<>");
  }

  @Test
  void a_path_pasted_with_its_brackets_is_sent_with_one_pair_in_a_pipeline_too() {
    SmtpSession smtp = walkthrough();

    smtp.pipeline().mailFrom("<chris@contoso.com>").rcptTo("<kate@fabrikam.com>").send();

    assertThat(linesReceived(smtp))
        .containsExactly("MAIL FROM:<chris@contoso.com>", "RCPT TO:<kate@fabrikam.com>");
  }

  static Stream<Arguments> controlCharacters() {
    return Stream.of("\t", "\u0001", "\u001b", "\u007f")
        .flatMap(
            c ->
                Stream.of(
                    Arguments.of(c, (Consumer<SmtpSession>) s -> s.mailFrom("chr" + c + "is@a.b")),
                    Arguments.of(c, (Consumer<SmtpSession>) s -> s.rcptTo("ka" + c + "te@a.b")),
                    Arguments.of(
                        c,
                        (Consumer<SmtpSession>)
                            s -> s.pipeline().rcptTo("ka" + c + "te@fabrikam.com"))));
  }

  @ParameterizedTest
  @MethodSource("controlCharacters")
  void refuses_c0_controls_and_del_in_addresses_before_sending(
      String control, Consumer<SmtpSession> call) {
    SmtpSession smtp = walkthrough();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> call.accept(smtp))
        .withMessageContaining("holds the control character")
        .withMessageContaining("nothing was sent");

    assertThat(linesReceived(smtp)).isEmpty();
  }

  static Stream<Arguments> loneSurrogates() {
    String high = "\uD83D";
    String low = "\uDE00";
    return Stream.of(
        Arguments.of("MAIL FROM", (Consumer<SmtpSession>) s -> s.mailFrom("a" + high + "@b.c")),
        Arguments.of(
            "MAIL FROM with SMTPUTF8",
            (Consumer<SmtpSession>) s -> s.mailFrom("a" + low + "@b.c", MailParameter.smtpUtf8())),
        Arguments.of("command", (Consumer<SmtpSession>) s -> s.command("NOOP " + high)),
        Arguments.of(
            "ENVID",
            (Consumer<SmtpSession>) s -> s.mailFrom("a@b.c", MailParameter.envId("id" + low))),
        Arguments.of(
            "ORCPT",
            (Consumer<SmtpSession>) s -> s.rcptTo("a@b.c", RcptParameter.orcpt("k" + high))),
        Arguments.of("subject", (Consumer<SmtpSession>) s -> MailMessage.builder().subject(high)),
        Arguments.of("body", (Consumer<SmtpSession>) s -> MailMessage.builder().body(low)),
        Arguments.of("raw content", (Consumer<SmtpSession>) s -> MailMessage.raw("x" + high)),
        Arguments.of("password", (Consumer<SmtpSession>) s -> Credentials.of("u", "p" + high)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loneSurrogates")
  void refuses_a_lone_surrogate_anywhere_instead_of_sending_a_question_mark(
      String what, Consumer<SmtpSession> call) {
    SmtpSession smtp = walkthrough();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> call.accept(smtp))
        .withMessageContaining("lone surrogate");

    assertThat(linesReceived(smtp)).isEmpty();
  }

  @Test
  void a_surrogate_pair_is_sent_as_its_four_utf8_octets() {
    SmtpSession smtp = walkthrough();

    smtp.command("NOOP \uD83D\uDE00");

    smtp.close();
    server.conversation().awaitClientClose();
    assertThat(server.conversation().receivedBytes())
        .isEqualTo("NOOP \uD83D\uDE00\r\n".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$\t", "X Y", "X:Y", "Caf\u00e9", "X\u007f", ""})
  void refuses_header_names_outside_printable_ascii_without_colon_or_space(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MailMessage.builder().header(name, "x"))
        .withMessageContaining("must be non-empty printable ASCII without ':' or white space");
  }

  @Test
  void accepts_every_printable_header_name_character_but_the_colon() {
    MailMessage message = MailMessage.builder().header("X-!#$%&'*+-.^_`|~0", "v").build();

    assertThat(message.content()).contains("X-!#$%&'*+-.^_`|~0: v\r\n");
  }

  @Test
  void a_non_ascii_display_name_is_sent_as_rfc2047_encoded_words() {
    MailMessage message =
        MailMessage.builder()
            .from("Chris Müller <chris@contoso.com>")
            .to("\"Kåte\" <kate@fabrikam.com>", "plain@fabrikam.com")
            .cc("Zoë <zoe@fabrikam.com>")
            .build();

    assertThat(message.content())
        .contains("From: =?UTF-8?B?Q2hyaXMgTcO8bGxlcg==?= <chris@contoso.com>\r\n")
        .contains("To: =?UTF-8?B?S8OldGU=?= <kate@fabrikam.com>, plain@fabrikam.com\r\n")
        .contains("Cc: =?UTF-8?B?Wm/Dqw==?= <zoe@fabrikam.com>\r\n");
    assertThat(message.utf8AddressField()).isEmpty();
  }

  @Test
  void a_non_ascii_address_in_a_header_field_needs_an_smtputf8_transaction() {
    MailMessage message =
        MailMessage.builder().from("kåre@contoso.com").to("kate@fabrikam.com").build();
    SmtpSession smtp = walkthrough();
    smtp.mailFrom("chris@contoso.com");
    smtp.rcptTo("kate@fabrikam.com");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> smtp.send(message))
        .withMessageStartingWith("The From header field holds a non-ASCII address")
        .withMessageContaining("MailParameter.smtpUtf8()");
    smtp.rset();
    smtp.mailFrom("kåre@contoso.com", MailParameter.smtpUtf8());
    smtp.rcptTo("kate@fabrikam.com");

    assertThat(smtp.send(message).code()).isEqualTo(250);
    List<String> lines = linesReceived(smtp);
    assertThat(lines.indexOf("DATA")).as("first DATA").isGreaterThan(lines.indexOf("RSET"));
    assertThat(lines).contains("From: kåre@contoso.com");
  }

  @Test
  void over_long_paths_and_command_lines_are_sent_and_noted_in_the_transcript() {
    SmtpSession smtp = walkthrough();
    String longLocal = "a".repeat(300);

    smtp.mailFrom(longLocal + "@contoso.com");
    smtp.command("NOOP " + "x".repeat(600));

    assertThat(smtp.transcript().toString())
        .contains(
            "=== the path of the next command is 314 octets, over RFC 5321 §4.5.3.1.3's limit of"
                + " 256 (sent as asked)")
        .contains(
            "=== the next command line is 607 octets with its CRLF, over RFC 5321 §4.5.3.1.4's"
                + " limit of 512 (sent as asked)");
    assertThat(linesReceived(smtp)).hasSize(2);
  }

  @Test
  void a_path_of_256_octets_with_its_brackets_is_not_noted() {
    SmtpSession smtp = walkthrough();

    smtp.mailFrom("a".repeat(254 - "@contoso.com".length()) + "@contoso.com");

    assertThat(smtp.transcript().toString()).doesNotContain("RFC 5321 §4.5.3.1.3");
  }

  @Test
  void cram_md5_with_an_empty_password_is_refused_before_auth_is_sent() {
    SmtpSession smtp = walkthrough();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> smtp.auth(AuthMechanism.CRAM_MD5, Credentials.of("chris", "")))
        .withMessageStartingWith("CRAM-MD5 needs a non-empty password");

    assertThat(smtp.isOpen()).isTrue();
    assertThat(linesReceived(smtp)).isEmpty();
  }

  @Test
  void an_undecodable_cram_md5_challenge_is_cancelled_with_a_star() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("334 this is not base64!\r\n");
              String answer = c.readLine();
              c.send(answer.equals("*") ? "501 5.7.0 cancelled\r\n" : "535 5.7.8 answered\r\n");
              c.awaitClientClose();
            });
    SmtpSession smtp = CLIENT.open(server.host(), server.port());

    SmtpReply reply = smtp.auth(AuthMechanism.CRAM_MD5, Credentials.of("chris", "secret"));

    assertThat(reply).hasToString("501 5.7.0 cancelled");
    assertThat(smtp.transcript().toString())
        .contains("the CRAM-MD5 challenge is not Base64: cancelling");
    assertThat(linesReceived(smtp)).containsExactly("AUTH CRAM-MD5", "*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail_1.example", "localhost."})
  void a_tls_host_name_sni_refuses_fails_before_starttls_is_sent(String host) {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.drain();
            });
    SmtpClient client = SmtpClient.builder().trustAnyCertificateInsecurely().build();
    // Connecting by MX names the session after the exchanger, which need not resolve.
    SmtpSession smtp =
        host.endsWith(".")
            ? client.open(host, server.port())
            : client.open(
                new MxRecords(
                    "contoso.com",
                    List.of(new MxRecord(10, host, List.of(InetAddress.getLoopbackAddress()))),
                    false),
                server.port());

    assertThatIllegalArgumentException()
        .isThrownBy(smtp::startTls)
        .withMessageContaining("[" + host + "] is not a host name TLS can send")
        .withMessageContaining("nothing was sent");

    assertThat(smtp.remoteHost()).isEqualTo(host);
    assertThat(smtp.isOpen()).isTrue();
    assertThat(linesReceived(smtp)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail_1.example", "localhost."})
  void a_tls_host_name_sni_refuses_fails_the_builder_or_open_before_connecting(String host) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SmtpClient.builder().tlsHostName(host))
        .withMessageContaining("is not a host name TLS can send");
    SmtpClient implicit = SmtpClient.builder().tls(TlsMode.IMPLICIT).build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> implicit.open(host, 1))
        .withMessageContaining("nothing was sent");
  }

  @ParameterizedTest
  @EnumSource(
      value = TlsMode.class,
      names = {"IMPLICIT", "STARTTLS", "STARTTLS_IF_OFFERED"})
  void an_exchanger_name_sni_refuses_fails_opening_by_mx_before_connecting(TlsMode mode)
      throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      MxRecord exchanger =
          new MxRecord(10, "mail_1.example", List.of(InetAddress.getLoopbackAddress()));
      SmtpClient client =
          SmtpClient.builder()
              .tls(mode)
              .trustAnyCertificateInsecurely()
              .replyTimeout(Duration.ofSeconds(1))
              .build();

      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  client.open(
                      new MxRecords("contoso.com", List.of(exchanger), false),
                      listener.getLocalPort()))
          .withMessageContaining("[mail_1.example] is not a host name TLS can send")
          .withMessageContaining("nothing was sent");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.open(exchanger, listener.getLocalPort()))
          .withMessageContaining("nothing was sent");

      assertThat(acceptedConnections(listener)).isZero();
    }
  }

  /**
   * Accepts whatever connected: a client's connect completes into the backlog before it returns, so
   * a connection made by a finished call is accepted at once, and none means none was made.
   */
  private static int acceptedConnections(ServerSocket listener) throws Exception {
    listener.setSoTimeout(100);
    int accepted = 0;
    for (int i = 0; i < 10; i++) {
      try (Socket socket = listener.accept()) {
        accepted++;
      } catch (SocketTimeoutException e) {
        return accepted;
      }
    }
    return accepted;
  }

  @Test
  void credentials_in_base64_echoed_inside_a_reply_are_redacted_from_replies_and_transcripts() {
    String secret = "Tr1cky-Pa55";
    String encoded = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("334 VXNlcm5hbWU6\r\n");
              c.readLine();
              c.send("334 UGFzc3dvcmQ6\r\n");
              String got = c.readLine();
              c.send("535 5.7.8 bad password " + got + " (" + secret + ")\r\n");
              c.awaitClientClose();
            });
    SmtpSession smtp = CLIENT.open(server.host(), server.port());

    SmtpReply reply = smtp.auth(AuthMechanism.LOGIN, Credentials.of("chris", secret));

    assertThat(reply).hasToString("535 5.7.8 bad password **** (****)");
    assertThat(smtp.transcript().toString()).doesNotContain(secret).doesNotContain(encoded);
    smtp.close();
  }
}
