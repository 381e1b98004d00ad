package org.smtpunit.checks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * A small scripted MTA for the checks: fabrikam.com's kate is its one mailbox; switches make it an
 * open relay, lenient about bare LF at end of data (what SMTP smuggling needs), talkative on VRFY,
 * or strict about STARTTLS. It records every RCPT TO and every message it "delivers".
 */
final class MiniMta implements ScriptedSmtpServer.Script {

  enum Vrfy {
    DISABLED,
    POSTFIX,
    TALKATIVE
  }

  boolean openRelay;
  boolean lenientEndOfData;
  Vrfy vrfy = Vrfy.DISABLED;
  SSLContext tls;
  boolean tlsRequired;
  boolean authInPlainText;
  String hostName = "mail1.fabrikam.com";
  final List<String> recipients = new CopyOnWriteArrayList<>();
  final List<String> delivered = new CopyOnWriteArrayList<>();
  final List<String> commands = new CopyOnWriteArrayList<>();

  @Override
  public void run(ScriptedSmtpServer.Conversation c) throws Exception {
    c.send("220 " + hostName + " ESMTP MiniMta\r\n");
    boolean secure = false;
    String rcptOfTransaction = null;
    while (true) {
      String line = c.readLine();
      commands.add(line);
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (verb) {
        case "EHLO" -> c.send(ehlo(secure));
        case "STAR" -> {
          if (tls == null) {
            c.send("502 5.5.1 not implemented\r\n");
          } else {
            c.send("220 2.0.0 Ready to start TLS\r\n");
            c.startTls(tls);
            secure = true;
          }
        }
        case "MAIL" ->
            c.send(
                tlsRequired && !secure
                    ? "530 5.7.0 Must issue a STARTTLS command first\r\n"
                    : "250 2.1.0 Ok\r\n");
        case "RCPT" -> {
          String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
          recipients.add(address);
          if (address.endsWith("@fabrikam.com") || openRelay) {
            rcptOfTransaction = address;
            c.send("250 2.1.5 Ok\r\n");
          } else {
            c.send("554 5.7.1 <" + address + ">: Relay access denied\r\n");
          }
        }
        case "DATA" -> {
          c.send("354 End data with <CR><LF>.<CR><LF>\r\n");
          StringBuilder message = new StringBuilder();
          for (String data = c.readLine(); !endOfData(c, data); data = c.readLine()) {
            message.append(data).append('\n');
          }
          delivered.add(rcptOfTransaction + ": " + message);
          c.send("250 2.0.0 Ok: queued\r\n");
        }
        case "VRFY" -> c.send(vrfy(line.substring(5).trim()));
        case "EXPN" -> c.send("502 5.5.1 EXPN command is disabled\r\n");
        case "RSET", "NOOP" -> c.send("250 2.0.0 Ok\r\n");
        case "QUIT" -> {
          c.send("221 2.0.0 Bye\r\n");
          return;
        }
        default -> c.send("502 5.5.2 Error: command not recognized\r\n");
      }
    }
  }

  private String ehlo(boolean secure) {
    StringBuilder reply = new StringBuilder("250-" + hostName + "\r\n250-PIPELINING\r\n");
    if (tls != null && !secure) {
      reply.append("250-STARTTLS\r\n");
    }
    if (secure || authInPlainText) {
      reply.append("250-AUTH PLAIN LOGIN\r\n");
    }
    return reply.append("250 8BITMIME\r\n").toString();
  }

  /** A lenient server ends at any line "." (bare LF too); a strict one only at CRLF.CRLF. */
  private boolean endOfData(ScriptedSmtpServer.Conversation c, String line) {
    if (!line.equals(".")) {
      return false;
    }
    if (lenientEndOfData) {
      return true;
    }
    String tail = new String(c.receivedBytes(), StandardCharsets.ISO_8859_1);
    return tail.endsWith("\r\n.\r\n");
  }

  private String vrfy(String argument) {
    boolean known =
        argument.equalsIgnoreCase("kate@fabrikam.com") || argument.equalsIgnoreCase("kate");
    return switch (vrfy) {
      case DISABLED -> "502 5.5.1 VRFY command is disabled\r\n";
      case POSTFIX ->
          known
              ? "252 2.0.0 " + argument + "\r\n"
              : "550 5.1.1 <" + argument + ">: Recipient address rejected: User unknown\r\n";
      case TALKATIVE -> known ? "250 2.1.5 Kate <kate@fabrikam.com>\r\n" : "550 5.1.1 unknown\r\n";
    };
  }
}
