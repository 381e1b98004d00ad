package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.samples.Capabilities.hasEnhancedStatusStartingWithIfSent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.smtpunit.AuthMechanism;
import org.smtpunit.ConnectFailure;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;

/**
 * Step 4: each success and failure reply of the walkthrough, each in its own session (servers slow
 * down sessions that collect errors). Phrased at the level the protocol guarantees: the reply class
 * and code, and the enhanced status where the server advertises ENHANCEDSTATUSCODES; what a server
 * cannot show is skipped with the reason.
 */
@WalkthroughSample
class Step4ReplyCodesTest {

  @Test
  void a_closed_port_could_not_open_connection_with_the_likely_causes(SmtpClient client)
      throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    assertThat(client.probe("127.0.0.1", closed)).failedWith(ConnectFailure.REFUSED);
    SmtpConnectException e =
        catchThrowableOfType(SmtpConnectException.class, () -> client.open("127.0.0.1", closed));
    assertThat(e)
        .hasFailure(ConnectFailure.REFUSED)
        .hasMessageStartingWith("Could not open connection to 127.0.0.1 on port " + closed)
        .hasMessageContaining("the destination SMTP service is unavailable")
        .hasMessageContaining("a wrong port number");
  }

  @Test
  void a_wrong_fqdn_could_not_open_connection(SmtpClient client) {
    SmtpConnectException e =
        catchThrowableOfType(
            SmtpConnectException.class, () -> client.open("mail1.fabrikam.invalid", 25));

    assertThat(e).hasFailure(ConnectFailure.UNKNOWN_HOST).hasMessageContaining("a wrong FQDN");
  }

  @Test
  void an_invalid_ehlo_domain_is_rejected_with_501(SmtpSession smtp, Walkthrough w) {
    // Exchange rejects the name at EHLO (501 5.5.4); Postfix accepts it there and rejects the
    // transaction at RCPT (501 5.5.2 Helo command rejected). Either way a 501 must come.
    EhloReply ehlo = smtp.ehlo("contoso!com");
    if (!ehlo.reply().isPositiveCompletion()) {
      assertThat(ehlo).hasCode(501);
      hasEnhancedStatusStartingWithIfSent(ehlo.reply(), "5");
      return;
    }
    SmtpReply mail = smtp.mailFrom(w.from());
    SmtpReply verdict = mail.isPositiveCompletion() ? smtp.rcptTo(w.to()) : mail;
    Assumptions.assumeFalse(
        verdict.isPositiveCompletion(),
        "the server accepts invalid EHLO names (GreenMail does not check them)");
    assertThat(verdict).isPermanentNegative().hasCode(501);
    hasEnhancedStatusStartingWithIfSent(verdict, "5");
  }

  @Test
  void an_invalid_sender_address_is_rejected_with_5_1_7(SmtpSession smtp, Walkthrough w) {
    smtp.ehlo(w.helo());
    SmtpReply reply = smtp.mailFrom("chris contoso.com");

    Assumptions.assumeFalse(
        reply.isPositiveCompletion(), "the server accepts malformed sender addresses");
    // Exchange: 550 5.1.7 Invalid address; Postfix: 501 5.1.7 Bad sender address syntax; others
    // 553 5.1.0 or 501 5.1.7: an address problem (5.1) wherever a status is sent.
    assertThat(reply).isPermanentNegative().hasCodeIn(501, 550, 553);
    hasEnhancedStatusStartingWithIfSent(reply, "5.1");
  }

  @Test
  void an_unknown_user_is_rejected_with_550_5_1_1(SmtpSession smtp, Walkthrough w) {
    smtp.ehlo(w.helo());
    assertThat(smtp.mailFrom(w.from())).isPositiveCompletion();
    SmtpReply reply = smtp.rcptTo(w.unknown());

    Assumptions.assumeFalse(
        reply.isPositiveCompletion(),
        "the server accepts every recipient (GreenMail creates mailboxes on delivery)");
    // Exchange and Postfix: 550 5.1.1; others a bare 550 Invalid recipient, even while they
    // advertise ENHANCEDSTATUSCODES.
    assertThat(reply).isPermanentNegative().hasCodeIn(550, 551, 553);
    hasEnhancedStatusStartingWithIfSent(reply, "5.1");
  }

  @Test
  void an_unknown_command_is_rejected_with_500(SmtpSession smtp, Walkthrough w) {
    smtp.ehlo(w.helo());
    SmtpReply reply = smtp.command("EHOL " + w.helo());

    // Exchange: 500 5.3.3 Unrecognized command; Postfix: 500 5.5.2 Error: command not recognized.
    assertThat(reply).isPermanentNegative().hasCodeIn(500, 502);
    hasEnhancedStatusStartingWithIfSent(reply, "5");
  }

  @Test
  void an_anonymous_sender_is_refused_where_authentication_is_required_then_accepted_after_auth(
      Walkthrough w, SmtpClient client, TestReporter reporter) {
    Assumptions.assumeTrue(
        w.authAddress().isPresent(),
        "no port requiring authentication: run with --auth-user (the check then runs on the"
            + " target) or --config smtpunit.sample.auth.target=host:port");
    InetSocketAddress target = w.authAddress().get();

    try (SmtpSession anonymous = client.open(target.getHostString(), target.getPort())) {
      anonymous.ehlo(w.helo());
      SmtpReply refused = anonymous.mailFrom(w.from());
      // Exchange: 530 5.7.1 Client was not authenticated; others 530 5.7.0, 530 5.5.1 or a bare
      // 550 authentication required. Postfix's 530 5.7.0 "Must issue a STARTTLS command first"
      // asks for TLS, not for authentication, and does not count.
      Capabilities.notAnAuthenticationRefusal(refused).ifPresent(Assertions::fail);
    }

    Assumptions.assumeTrue(
        w.credentials().isPresent(),
        "no credentials for the AUTH half (--auth-user and SMTPUNIT_AUTH_PASSWORD)");
    // AUTH needs an encrypted connection: a run without --tls still upgrades where offered.
    SmtpClient secure =
        client.tlsMode() == TlsMode.NONE
            ? client.toBuilder().tls(TlsMode.STARTTLS_IF_OFFERED).build()
            : client;
    try (SmtpSession authenticated = secure.open(target.getHostString(), target.getPort())) {
      EhloReply ehlo = authenticated.ehlo(w.helo());
      AuthMechanism mechanism =
          ehlo.authMechanisms().contains("PLAIN") || !ehlo.authMechanisms().contains("LOGIN")
              ? AuthMechanism.PLAIN
              : AuthMechanism.LOGIN;
      assertThat(authenticated.auth(mechanism, w.credentials().get())).hasCode(235);
      assertThat(authenticated.mailFrom(w.from())).hasCode(250);
      reporter.publishEntry("tls", authenticated.tls().map(Object::toString).orElse("none"));
    }
  }
}
