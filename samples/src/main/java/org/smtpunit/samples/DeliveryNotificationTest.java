package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.samples.Capabilities.assumeSupports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.smtpunit.DeliveryStatusNotification;
import org.smtpunit.DeliveryStatusNotification.Action;
import org.smtpunit.EhloReply;
import org.smtpunit.MailMessage;
import org.smtpunit.MailParameter;
import org.smtpunit.Notify;
import org.smtpunit.RcptParameter;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.Ret;
import org.smtpunit.SmtpSession;

/**
 * Step 3's {@code NOTIFY=success,failure}: the server accepts the DSN request (RFC 3461), and,
 * where the server is ours, the notification really comes back to the sender.
 */
@WalkthroughSample
class DeliveryNotificationTest {

  @Test
  void notify_success_failure_is_accepted_and_the_notification_reaches_the_sender(
      SmtpSession smtp, Walkthrough w, TestReporter reporter) throws InterruptedException {
    EhloReply ehlo = smtp.ehlo(w.helo());
    assumeSupports(
        ehlo, "DSN", "delivery status notifications cannot be requested (GreenMail has no DSN)");
    String envelopeId = "smtpunit-" + System.nanoTime();

    assertThat(
            smtp.mailFrom(w.from(), MailParameter.ret(Ret.HDRS), MailParameter.envId(envelopeId)))
        .hasCode(250);
    assertThat(smtp.rcptTo(w.to(), RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE)))
        .hasCode(250);
    assertThat(smtp.send(MailMessage.raw(Walkthrough.MESSAGE))).hasCode(250);
    assertThat(smtp.quit()).hasCode(221);

    if (w.dsnDir().isEmpty()) {
      // The server accepted the request; where the server is not ours its notification cannot
      // be watched, so the check ends here as a pass (it never delivers and then skips).
      reporter.publishEntry(
          "dsn",
          "notification not watched: the server is not ours (--config"
              + " smtpunit.sample.dsn.dir=DIR to watch it)");
      return;
    }
    Path dir = Path.of(w.dsnDir().get());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String notification = null;
    while (notification == null && System.nanoTime() < deadline) {
      notification = find(dir, envelopeId);
      if (notification == null) {
        Thread.sleep(200);
      }
    }
    assertThat(notification)
        .as("a delivery status notification for envelope %s in %s", envelopeId, dir)
        .isNotNull();
    DeliveryStatusNotification dsn =
        DeliveryStatusNotification.parse(new ReceivedMessage(notification, List.of(w.from())));
    assertThat(dsn).hasEnvelopeId(envelopeId).recipient(w.to()).hasAction(Action.DELIVERED);
  }

  private static String find(Path dir, String envelopeId) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> regular = files.filter(Files::isRegularFile).toList();
      for (Path file : regular) {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        // smtp-sink writes as the message arrives: wait for the closing MIME boundary too.
        if (text.contains(envelopeId) && text.stripTrailing().endsWith("--")) {
          return text;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
