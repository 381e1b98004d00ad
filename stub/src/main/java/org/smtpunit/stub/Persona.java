package org.smtpunit.stub;

import java.util.List;
import java.util.Set;

/**
 * Whose replies a {@link SmtpStub} gives when no rule says otherwise. Rules added with {@link
 * SmtpStub#on(SmtpVerb)} override the persona.
 *
 * <pre>{@code
 * try (SmtpStub exchange = SmtpStub.start(Persona.EXCHANGE_2013)) {
 *   SmtpSession smtp = SmtpClient.defaults().open(exchange.host(), exchange.port());
 *   assertThat(smtp.rcptTo("nobody@fabrikam.com")).hasCode(550).hasEnhancedStatus("5.1.1");
 * }
 * }</pre>
 */
public enum Persona {
  /**
   * Accepts everything, like GreenMail but with enhanced status codes, DSN, PIPELINING, CHUNKING,
   * SMTPUTF8, STARTTLS and AUTH; only out-of-sequence commands are refused ({@code 503 5.5.1}).
   */
  ACCEPT_ALL(
      new PersonaTexts(
          "localhost",
          "220 localhost ESMTP SmtpStub ready",
          "localhost Hello {domain} [{ip}]",
          exchangeKeywords("AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2", "SMTPUTF8"),
          "",
          "503 5.5.1 Send EHLO or HELO first",
          "530 5.7.0 Authentication required",
          "501 5.1.7 Invalid sender address",
          "503 5.5.1 Nested MAIL command",
          "250 2.1.0 Sender OK",
          "503 5.5.1 Need MAIL command",
          "501 5.1.3 Invalid recipient address",
          "550 5.1.1 User unknown",
          "",
          Set.of(),
          "250 2.1.5 Recipient OK",
          "503 5.5.1 Need RCPT command",
          "354 Start mail input; end with <CRLF>.<CRLF>",
          "250 2.6.0 <{id}@localhost> Queued mail for delivery",
          "250 2.0.0 Chunk received",
          "250 2.0.0 Reset state",
          "250 2.0.0 OK",
          "252 2.1.5 Cannot VRFY user, but will accept message for delivery",
          "502 5.5.1 EXPN not supported",
          "214 2.0.0 See RFC 5321",
          "221 2.0.0 Service closing transmission channel",
          "500 5.5.1 Unrecognized command",
          "501 5.5.4 Syntax error in parameters or arguments",
          "220 2.0.0 Ready to start TLS",
          "503 5.5.1 TLS already active",
          "235 2.7.0 Authentication successful",
          "535 5.7.8 Authentication credentials invalid",
          "504 5.7.4 Unrecognized authentication type",
          "501 5.7.0 Authentication cancelled",
          "500 5.5.2 Line too long",
          "552 5.3.4 Message size exceeds fixed maximum message size")),

  /**
   * Exchange Server 2013 as the "Use Telnet to test SMTP communication" walkthrough shows it
   * (mail1.fabrikam.com), reply for reply: {@code 220 mail1.fabrikam.com Microsoft ESMTP MAIL
   * Service ready at <date>}, {@code 250 2.1.0 Sender OK}, {@code 250 2.1.5 Recipient OK}, {@code
   * 354 Start mail input; end with <CRLF>.<CRLF>}, {@code 250 2.6.0 <id> Queued mail for delivery},
   * {@code 221 2.0.0 Service closing transmission channel}, and the step-4 errors: {@code 500 5.3.3
   * Unrecognized command}, {@code 501 5.5.4 Invalid domain name}, {@code 550 5.1.7 Invalid
   * address}, {@code 550 5.1.1 User unknown} for a fabrikam.com recipient other than kate and
   * postmaster, and {@code 530 5.7.1 Client was not authenticated} after {@link
   * SmtpStub#requireAuthentication()}.
   */
  EXCHANGE_2013(
      new PersonaTexts(
          "mail1.fabrikam.com",
          "220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at {date}",
          "mail1.fabrikam.com Hello [{ip}]",
          exchangeKeywords("AUTH NTLM LOGIN PLAIN CRAM-MD5 XOAUTH2", "BINARYMIME"),
          "501 5.5.4 Invalid domain name",
          "503 5.5.2 Send hello first",
          "530 5.7.1 Client was not authenticated",
          "550 5.1.7 Invalid address",
          "503 5.5.2 Sender already specified",
          "250 2.1.0 Sender OK",
          "503 5.5.2 Need mail command",
          "501 5.1.3 Invalid address",
          "550 5.1.1 User unknown",
          "fabrikam.com",
          Set.of("kate", "postmaster"),
          "250 2.1.5 Recipient OK",
          "503 5.5.2 Need rcpt command",
          "354 Start mail input; end with <CRLF>.<CRLF>",
          "250 2.6.0 <{id}@mail1.fabrikam.com> Queued mail for delivery",
          "250 2.0.0 BDAT chunk received",
          "250 2.0.0 Resetting",
          "250 2.0.0 OK",
          "252 2.1.5 Cannot VRFY user",
          "502 5.3.3 Command not implemented",
          "214-This server supports the following commands:\n"
              + "214 HELO EHLO STARTTLS RCPT DATA RSET MAIL QUIT HELP AUTH BDAT",
          "221 2.0.0 Service closing transmission channel",
          "500 5.3.3 Unrecognized command",
          "501 5.5.4 Invalid arguments",
          "220 2.0.0 SMTP server ready",
          "503 5.5.2 Already in TLS",
          "235 2.7.0 Authentication successful",
          "535 5.7.3 Authentication unsuccessful",
          "504 5.7.4 Unrecognized authentication type",
          "501 5.7.0 Authentication cancelled",
          "500 5.3.3 Line too long",
          "552 5.3.4 Message size exceeds fixed maximum message size")),

  /** Postfix 3.7 as Debian ships it (mx.example.com), with its own wording for every reply. */
  POSTFIX(
      new PersonaTexts(
          "mx.example.com",
          "220 mx.example.com ESMTP Postfix (Debian/GNU)",
          "mx.example.com",
          List.of(
              "PIPELINING",
              "SIZE 10240000",
              "VRFY",
              "ETRN",
              "STARTTLS",
              "AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2",
              "ENHANCEDSTATUSCODES",
              "8BITMIME",
              "DSN",
              "SMTPUTF8",
              "CHUNKING"),
          "",
          "503 5.5.1 Error: send HELO/EHLO first",
          "530 5.7.0 Authentication required",
          "501 5.1.7 Bad sender address syntax",
          "503 5.5.1 Error: nested MAIL command",
          "250 2.1.0 Ok",
          "503 5.5.1 Error: need MAIL command",
          "501 5.1.3 Bad recipient address syntax",
          "550 5.1.1 <{arg}>: Recipient address rejected: User unknown in local recipient table",
          "",
          Set.of(),
          "250 2.1.5 Ok",
          "503 5.5.1 Error: need RCPT command",
          "354 End data with <CR><LF>.<CR><LF>",
          "250 2.0.0 Ok: queued as {qid}",
          "250 2.0.0 Ok",
          "250 2.0.0 Ok",
          "250 2.0.0 Ok",
          "252 2.0.0 {arg}",
          "502 5.5.2 Error: command not recognized",
          "502 5.5.2 Error: command not recognized",
          "221 2.0.0 Bye",
          "502 5.5.2 Error: command not recognized",
          "501 5.5.4 Syntax error in parameters or arguments",
          "220 2.0.0 Ready to start TLS",
          "554 5.5.1 Error: TLS already active",
          "235 2.7.0 Authentication successful",
          "535 5.7.8 Error: authentication failed: authentication failure",
          "535 5.7.8 Error: authentication failed: Invalid authentication mechanism",
          "501 5.7.0 Authentication aborted",
          "500 5.5.2 Error: line too long",
          "552 5.3.4 Error: message file too big"));

  private final PersonaTexts texts;

  Persona(PersonaTexts texts) {
    this.texts = texts;
  }

  PersonaTexts texts() {
    return texts;
  }

  /**
   * Returns EHLO keywords as Exchange 2013 advertises them, in its order and with its 35 MiB SIZE.
   * {@link #ACCEPT_ALL} advertises the same list with the AUTH mechanisms the stub runs and
   * SMTPUTF8 where Exchange has BINARYMIME.
   */
  private static List<String> exchangeKeywords(String auth, String beforeChunking) {
    return List.of(
        "SIZE 36700160",
        "PIPELINING",
        "DSN",
        "ENHANCEDSTATUSCODES",
        "STARTTLS",
        auth,
        "8BITMIME",
        beforeChunking,
        "CHUNKING");
  }
}
