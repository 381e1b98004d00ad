package org.smtpunit.testserver;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * Answers like the walkthrough's Exchange server, with its exact replies: {@code 250 2.1.0 Sender
 * OK}, {@code 550 5.1.1 User unknown}, {@code 530 5.7.1 Client was not authenticated}, {@code 501
 * 5.5.4 Invalid domain name}, {@code 500 5.3.3 Unrecognized command}, and so on.
 *
 * <pre>{@code
 * ScriptedSmtpServer server = ScriptedSmtpServer.start(new WalkthroughScript());
 * }</pre>
 */
public final class WalkthroughScript implements ScriptedSmtpServer.Script {

  private static final Pattern DOMAIN =
      Pattern.compile(
          "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern ADDRESS = Pattern.compile("<?[^<>@\\s]+@[^<>@\\s]+>?|<>");

  private final Set<String> mailboxes;
  private final boolean requireAuth;

  /** A server for fabrikam.com that knows kate and accepts anonymous senders. */
  public WalkthroughScript() {
    this(Set.of("kate@fabrikam.com"), false);
  }

  private WalkthroughScript(Set<String> mailboxes, boolean requireAuth) {
    this.mailboxes = mailboxes;
    this.requireAuth = requireAuth;
  }

  /** Returns a server that knows only these mailboxes (none: it rejects every recipient). */
  public WalkthroughScript withMailboxes(String... addresses) {
    return new WalkthroughScript(Set.of(addresses), requireAuth);
  }

  /** Returns a server that refuses anonymous senders, like a hub transport server. */
  public WalkthroughScript requiringAuthentication() {
    return new WalkthroughScript(mailboxes, true);
  }

  @Override
  public void run(ScriptedSmtpServer.Conversation c) throws Exception {
    c.send(
        "220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at Sat, 28 Nov 2026 07:00:00"
            + " +0000\r\n");
    while (true) {
      String line = c.readLine();
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO ")) {
        String domain = line.substring(5).trim();
        if (!DOMAIN.matcher(domain).matches()) {
          c.send("501 5.5.4 Invalid domain name\r\n");
        } else {
          c.send(
              "250-mail1.fabrikam.com Hello [127.0.0.1]\r\n"
                  + "250-SIZE 36700160\r\n"
                  + "250-PIPELINING\r\n"
                  + "250-DSN\r\n"
                  + "250-ENHANCEDSTATUSCODES\r\n"
                  + "250-AUTH NTLM LOGIN\r\n"
                  + "250-8BITMIME\r\n"
                  + "250 CHUNKING\r\n");
        }
      } else if (upper.startsWith("HELO ")) {
        c.send("250 mail1.fabrikam.com Hello [127.0.0.1]\r\n");
      } else if (upper.startsWith("MAIL FROM:")) {
        String address = line.substring(10).trim().split(" ")[0];
        if (requireAuth) {
          c.send("530 5.7.1 Client was not authenticated\r\n");
        } else if (!ADDRESS.matcher(address).matches()) {
          c.send("550 5.1.7 Invalid address\r\n");
        } else {
          c.send("250 2.1.0 Sender OK\r\n");
        }
      } else if (upper.startsWith("RCPT TO:")) {
        String address = line.substring(8).trim().split(" ")[0].replace("<", "").replace(">", "");
        if (mailboxes.contains(address.toLowerCase(Locale.ROOT))) {
          c.send("250 2.1.5 Recipient OK\r\n");
        } else {
          c.send("550 5.1.1 User unknown\r\n");
        }
      } else if (upper.equals("DATA")) {
        c.send("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
        c.readData();
        c.send(
            "250 2.6.0 <"
                + UUID.randomUUID()
                + "@mail1.fabrikam.com> Queued mail for delivery\r\n");
      } else if (upper.equals("RSET")) {
        c.send("250 2.0.0 Resetting\r\n");
      } else if (upper.equals("NOOP")) {
        c.send("250 2.0.0 OK\r\n");
      } else if (upper.startsWith("VRFY")) {
        c.send("252 2.1.5 Cannot VRFY user\r\n");
      } else if (upper.equals("QUIT")) {
        c.send("221 2.0.0 Service closing transmission channel\r\n");
        return;
      } else {
        c.send("500 5.3.3 Unrecognized command\r\n");
      }
    }
  }
}
