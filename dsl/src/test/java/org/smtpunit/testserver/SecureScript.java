package org.smtpunit.testserver;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * A hub-transport-like server for TLS and AUTH tests: STARTTLS (or its refusal, or the
 * CVE-2011-0411 injection), AUTH PLAIN / LOGIN / CRAM-MD5 / XOAUTH2 checked against one user, and
 * {@code 530 5.7.1 Client was not authenticated} for anonymous senders.
 */
public final class SecureScript implements ScriptedSmtpServer.Script {

  /** The one account the server knows. */
  public static final String USER = "chris@contoso.com";

  /** Its password, which no output may ever show. */
  public static final String PASSWORD = "S3cret-Pa55!";

  /** The CRAM-MD5 challenge, as in RFC 2195's example. */
  static final String CHALLENGE = "<1896.697170952@mail1.fabrikam.com>";

  private final SSLContext tls;
  private boolean offerStartTls = true;
  private String startTlsReply = "220 2.0.0 Ready to start TLS";
  private boolean inject;
  private boolean endlessChallenges;

  /** A server offering STARTTLS with the given certificate context. */
  public SecureScript(SSLContext tls) {
    this.tls = tls;
  }

  /** Does not advertise STARTTLS. */
  public SecureScript withoutStartTls() {
    offerStartTls = false;
    return this;
  }

  /** Answers STARTTLS with this reply (e.g. {@code 454 4.7.0 TLS not available}). */
  public SecureScript answeringStartTls(String reply) {
    startTlsReply = reply;
    return this;
  }

  /** Sends a plain-text reply right after its 220 to STARTTLS, before the handshake. */
  public SecureScript injectingAfterStartTls() {
    inject = true;
    return this;
  }

  /** Answers AUTH LOGIN with 334 prompts for ever, until the client cancels with {@code *}. */
  public SecureScript withEndlessChallenges() {
    endlessChallenges = true;
    return this;
  }

  @Override
  public void run(ScriptedSmtpServer.Conversation c) throws Exception {
    boolean encrypted = false;
    boolean authenticated = false;
    c.send("220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready\r\n");
    while (true) {
      String line = c.readLine();
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO ")) {
        c.send(
            "250-mail1.fabrikam.com Hello\r\n"
                + (offerStartTls && !encrypted ? "250-STARTTLS\r\n" : "")
                + "250-ENHANCEDSTATUSCODES\r\n"
                + "250 AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2\r\n");
      } else if (upper.equals("STARTTLS")) {
        c.send(startTlsReply + "\r\n" + (inject ? "250 injected before the handshake\r\n" : ""));
        if (startTlsReply.startsWith("220")) {
          c.startTls(tls);
          encrypted = true;
        }
      } else if (upper.startsWith("AUTH ")) {
        authenticated = authenticate(c, line.substring(5));
      } else if (upper.startsWith("MAIL FROM:")) {
        c.send(
            authenticated
                ? "250 2.1.0 Sender OK\r\n"
                : "530 5.7.1 Client was not authenticated\r\n");
      } else if (upper.startsWith("RCPT TO:")) {
        c.send("250 2.1.5 Recipient OK\r\n");
      } else if (upper.equals("DATA")) {
        c.send("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
        c.readData();
        c.send("250 2.6.0 Queued mail for delivery\r\n");
      } else if (upper.equals("QUIT")) {
        c.send("221 2.0.0 Service closing transmission channel\r\n");
        return;
      } else {
        c.send("500 5.3.3 Unrecognized command\r\n");
      }
    }
  }

  private boolean authenticate(ScriptedSmtpServer.Conversation c, String command) throws Exception {
    String[] words = command.split(" ");
    String mechanism = words[0].toUpperCase(Locale.ROOT);
    boolean ok;
    switch (mechanism) {
      case "PLAIN" -> ok = decode(words[1]).equals("\0" + USER + "\0" + PASSWORD);
      case "LOGIN" -> {
        if (endlessChallenges) {
          for (int i = 0; i < 100; i++) {
            c.send("334 " + encode("Again:") + "\r\n");
            if (c.readLine().equals("*")) {
              c.send("501 5.7.0 Authentication cancelled\r\n");
              return false;
            }
          }
          return false;
        }
        c.send("334 VXNlcm5hbWU6\r\n");
        String user = decode(c.readLine());
        c.send("334 UGFzc3dvcmQ6\r\n");
        ok = user.equals(USER) && decode(c.readLine()).equals(PASSWORD);
      }
      case "CRAM-MD5" -> {
        c.send("334 " + encode(CHALLENGE) + "\r\n");
        ok = decode(c.readLine()).equals(USER + " " + hmac(PASSWORD, CHALLENGE));
      }
      case "XOAUTH2" -> {
        ok =
            decode(words[1])
                .equals("user=" + USER + "\u0001auth=Bearer " + PASSWORD + "\u0001\u0001");
        if (!ok) {
          c.send("334 " + encode("{\"status\":\"401\"}") + "\r\n");
          c.readLine();
        }
      }
      default -> {
        c.send("504 5.7.4 Unrecognized authentication type\r\n");
        return false;
      }
    }
    c.send(
        ok
            ? "235 2.7.0 Authentication successful\r\n"
            : "535 5.7.8 Authentication credentials invalid\r\n");
    return ok;
  }

  static String hmac(String secret, String challenge) throws Exception {
    Mac mac = Mac.getInstance("HmacMD5");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
    return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
