package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/**
 * No argument can put CR, LF or NUL on the wire: each is refused before a byte is sent, and the
 * bytes actually written are checked, not only the Java strings.
 */
class WireSafetyTest {

  private ScriptedSmtpServer server;
  private SmtpSession smtp;

  @BeforeEach
  void open() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    smtp = SmtpClient.defaults().open(server.host(), server.port());
  }

  @AfterEach
  void close() {
    smtp.close();
    server.close();
  }

  static Stream<Arguments> injections() {
    return Stream.of("\r", "\n", "\0", "\r\nRCPT TO:<victim@fabrikam.com>")
        .flatMap(
            bad ->
                Stream.<Arguments>of(
                    call("EHLO domain", s -> s.ehlo("contoso.com" + bad)),
                    call("HELO domain", s -> s.helo("contoso.com" + bad)),
                    call("MAIL FROM address", s -> s.mailFrom("chris@contoso.com" + bad)),
                    call("RCPT TO address", s -> s.rcptTo("kate@fabrikam.com" + bad)),
                    call("VRFY argument", s -> s.vrfy("kate" + bad)),
                    call("raw command", s -> s.command("NOOP" + bad)),
                    call(
                        "MAIL parameter",
                        s -> s.mailFrom("c@contoso.com", MailParameter.of("X", "a" + bad))),
                    call(
                        "RCPT parameter",
                        s -> s.rcptTo("k@fabrikam.com", RcptParameter.of("X", "a" + bad))),
                    call(
                        "ENVID", s -> s.mailFrom("c@contoso.com", MailParameter.envId("id" + bad))),
                    call("ORCPT", s -> s.rcptTo("k@fabrikam.com", RcptParameter.orcpt("k" + bad))),
                    call("header name", s -> MailMessage.builder().header("X" + bad, "v")),
                    call("header value", s -> MailMessage.builder().header("X-Test", "v" + bad)),
                    call("subject", s -> MailMessage.builder().subject("Test" + bad)),
                    call("from header", s -> MailMessage.builder().from("chris@contoso.com" + bad)),
                    call("to header", s -> MailMessage.builder().to("kate@fabrikam.com" + bad))));
  }

  private static Arguments call(String what, Consumer<SmtpSession> call) {
    return Arguments.of(what, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("injections")
  void refuses_cr_lf_or_nul_in_any_argument_before_sending_a_byte(
      String what, Consumer<SmtpSession> call) {
    assertThatIllegalArgumentException().isThrownBy(() -> call.accept(smtp));

    smtp.close();
    server.conversation().awaitClientClose();
    assertThat(server.conversation().receivedBytes()).isEmpty();
  }

  @Test
  void refuses_a_nul_in_message_content() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MailMessage.raw("Subject: x\r\n\r\nbody\0"))
        .withMessageContaining("NUL");
  }

  @Test
  void non_ascii_characters_never_turn_into_cr_or_lf_bytes() {
    // U+010A and U+010D narrowed to a byte would be LF and CR (Jakarta Mail CVE-2025-7962).
    smtp.command("NOOP \u010A\u010D\u0A0D");

    smtp.close();
    server.conversation().awaitClientClose();
    byte[] sent = server.conversation().receivedBytes();
    String expected = "NOOP \u010A\u010D\u0A0D\r\n";
    assertThat(sent).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    assertThat(countLineBreakBytes(sent)).isEqualTo(2);
  }

  @Test
  void refuses_non_ascii_addresses_unless_smtputf8_was_asked_for() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> smtp.mailFrom("kåre@contoso.com"))
        .withMessageContaining("MailParameter.smtpUtf8()");
    assertThatIllegalArgumentException().isThrownBy(() -> smtp.rcptTo("kåre@fabrikam.com"));

    smtp.mailFrom("kåre@contoso.com", MailParameter.smtpUtf8());
    smtp.rcptTo("kåre@fabrikam.com");

    smtp.close();
    server.conversation().awaitClientClose();
    assertThat(server.conversation().lines())
        .containsExactly("MAIL FROM:<kåre@contoso.com> SMTPUTF8", "RCPT TO:<kåre@fabrikam.com>");
  }

  @Test
  void refuses_non_ascii_ehlo_domains_pointing_to_the_a_label() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> smtp.ehlo("bücher.example"))
        .withMessageContaining("IDN.toASCII");
  }

  private static int countLineBreakBytes(byte[] bytes) {
    int count = 0;
    for (byte b : bytes) {
      if (b == '\r' || b == '\n') {
        count++;
      }
    }
    return count;
  }

  @Test
  void every_wire_safe_argument_reaches_the_server_exactly() {
    smtp.ehlo("contoso.com");
    smtp.mailFrom(
        "", MailParameter.size(1024), MailParameter.ret(Ret.HDRS), MailParameter.envId("a+b=c d"));
    smtp.rcptTo(
        "kate@fabrikam.com",
        RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE),
        RcptParameter.orcpt("kate@fabrikam.com"));

    smtp.close();
    server.conversation().awaitClientClose();
    assertThat(server.conversation().lines())
        .isEqualTo(
            List.of(
                "EHLO contoso.com",
                "MAIL FROM:<> SIZE=1024 RET=HDRS ENVID=a+2Bb+3Dc+20d",
                "RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;kate@fabrikam.com"));
  }
}
