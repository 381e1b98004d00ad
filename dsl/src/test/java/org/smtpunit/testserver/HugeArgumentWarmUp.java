package org.smtpunit.testserver;

import java.time.Duration;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * Sends a few megabyte-long commands and messages to a server that reads them, unhurried, so that
 * the JIT has compiled the client's encoding loops before a test times calls with such arguments
 * against a short deadline (interpreted, they alone can take longer than it on a busy machine).
 */
public final class HugeArgumentWarmUp {

  private HugeArgumentWarmUp() {}

  /** Runs the warm-up with arguments of {@code octets} octets. */
  public static void run(int octets) {
    String address = "w".repeat(octets) + "@contoso.com";
    MailMessage message = MailMessage.raw("Subject: warm\r\n\r\n" + "w".repeat(octets));
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.start(
                c -> {
                  c.send("220 ready\r\n");
                  while (true) {
                    String line = c.readLine();
                    if (line.equals("DATA")) {
                      c.send("354 go ahead\r\n");
                      c.readData();
                    }
                    c.send("250 OK\r\n");
                  }
                });
        SmtpSession smtp =
            SmtpClient.builder()
                .replyTimeout(Duration.ofSeconds(60))
                .build()
                .open(server.host(), server.port())) {
      for (int i = 0; i < 3; i++) {
        smtp.mailFrom(address);
        smtp.command("NOOP " + address);
        smtp.data();
        smtp.content(message);
      }
    }
  }
}
