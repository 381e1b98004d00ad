package org.smtpunit.samples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * A conformant server whose replies differ from Exchange's and Postfix's (issue 11, Why point 6):
 * {@code 250 2.0.0} to MAIL FROM, {@code 553 5.1.0} for a malformed sender, a bare {@code 550
 * Invalid recipient} although it advertises ENHANCEDSTATUSCODES, and a configurable refusal of MAIL
 * before authentication. It offers STARTTLS and AUTH PLAIN (after TLS).
 */
final class OtherMtaScript implements ScriptedSmtpServer.Script {

  static final String USER = "chris@contoso.com";
  static final String PASSWORD = "An0ther-S3cret!";

  private final SSLContext tls;
  private final String refusal;

  /**
   * @param tls the server's TLS context
   * @param refusal the reply to MAIL FROM before AUTH, or null when anonymous senders are welcome
   */
  OtherMtaScript(SSLContext tls, String refusal) {
    this.tls = tls;
    this.refusal = refusal;
  }

  @Override
  public void run(ScriptedSmtpServer.Conversation c) throws Exception {
    boolean encrypted = false;
    boolean authenticated = false;
    c.send("220 mx.fabrikam.test ESMTP OpenSMTPD\r\n");
    while (true) {
      String line = c.readLine();
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO ")) {
        c.send(
            "250-mx.fabrikam.test Hello\r\n"
                + (encrypted ? "250-AUTH PLAIN\r\n" : "250-STARTTLS\r\n")
                + "250-8BITMIME\r\n"
                + "250 ENHANCEDSTATUSCODES\r\n");
      } else if (upper.equals("STARTTLS") && !encrypted) {
        c.send("220 2.0.0 Ready to start TLS\r\n");
        c.startTls(tls);
        encrypted = true;
      } else if (upper.startsWith("AUTH PLAIN ") && encrypted) {
        String decoded =
            new String(
                Base64.getDecoder().decode(line.substring(11).trim()), StandardCharsets.UTF_8);
        authenticated = decoded.equals("\0" + USER + "\0" + PASSWORD);
        c.send(
            authenticated
                ? "235 2.0.0 Authentication succeeded\r\n"
                : "535 Authentication failed\r\n");
      } else if (upper.startsWith("MAIL FROM:")) {
        if (refusal != null && !authenticated) {
          c.send(refusal + "\r\n");
        } else if (!line.contains("@") || line.contains(" contoso")) {
          c.send("553 5.1.0 Sender address syntax error\r\n");
        } else {
          c.send("250 2.0.0 Ok\r\n");
        }
      } else if (upper.startsWith("RCPT TO:")) {
        c.send(
            upper.contains("KATE@FABRIKAM.COM")
                ? "250 2.1.5 Destination address valid\r\n"
                : "550 Invalid recipient\r\n");
      } else if (upper.equals("DATA")) {
        c.send("354 Enter mail, end with \".\" on a line by itself\r\n");
        c.readData();
        c.send("250 2.0.0 7f3a2c1e Message accepted for delivery\r\n");
      } else if (upper.equals("QUIT")) {
        c.send("221 2.0.0 Bye\r\n");
        return;
      } else if (upper.equals("RSET") || upper.equals("NOOP")) {
        c.send("250 2.0.0 Ok\r\n");
      } else {
        c.send("500 5.5.1 Invalid command: Command unrecognized\r\n");
      }
    }
  }
}
