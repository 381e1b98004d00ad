package org.smtpunit.junit;

import java.time.Duration;
import java.util.List;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.internal.Arrivals;

/**
 * The embedded SMTP server a test talks to when {@link SmtpTarget} names no target: a real server
 * (GreenMail) on an ephemeral loopback port. Declare it as a parameter to see what was delivered.
 * Each test has it to itself: it shows only the mail that test's sessions delivered, also when
 * methods run concurrently (tests that run one after another reuse one server, emptied and its
 * users removed in between; concurrent tests each get their own). Servers are stopped after the
 * test class.
 *
 * <pre>{@code
 * @SmtpTarget
 * class WalkthroughTest {
 *   @Test
 *   void deliversToKate(SmtpSession smtp, EmbeddedMailServer server) {
 *     ... send the walkthrough's message ...
 *     assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0))
 *         .hasRecipient("kate@fabrikam.com");
 *   }
 * }
 * }</pre>
 *
 * <p>It accepts mail for any recipient (a mailbox is made on first delivery, with the address as
 * both user name and password), has no enhanced status codes, no DSN and no STARTTLS. It serves the
 * mailboxes over IMAP ({@link #imapPort()}) and POP3 ({@link #pop3Port()}) too, so a test can send
 * and then read its own message back with {@code org.smtpunit.mailbox.Mailbox}.
 */
public final class EmbeddedMailServer implements AutoCloseable {

  private final GreenMailAdapter greenMail;

  EmbeddedMailServer() {
    this.greenMail = new GreenMailAdapter();
  }

  /** Returns the loopback address it listens on. */
  public String host() {
    return "127.0.0.1";
  }

  /** Returns the ephemeral port it listens on for SMTP. */
  public int port() {
    return greenMail.port();
  }

  /**
   * Returns the ephemeral port of its IMAP service, to read the mailboxes back with {@code
   * Mailbox.imap(server.host(), server.imapPort())} (plain text: use {@code
   * allowPlaintextAuth(true)}).
   */
  public int imapPort() {
    return greenMail.imapPort();
  }

  /** Returns the ephemeral port of its POP3 service, for {@code Mailbox.pop3}. */
  public int pop3Port() {
    return greenMail.pop3Port();
  }

  /** Adds a mailbox with a password (for AUTH). */
  public void addUser(String email, String password) {
    greenMail.addUser(email, password);
  }

  /** Returns every message delivered so far, one per recipient mailbox. */
  public List<ReceivedMessage> receivedMessages() {
    return List.copyOf(greenMail.receivedMessages());
  }

  /**
   * Waits until at least {@code count} messages were delivered and returns them.
   *
   * @throws AssertionError when fewer arrive within the timeout, listing those that did
   */
  public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
    if (!greenMail.waitFor(count, timeout.toMillis())) {
      throw Arrivals.tooFew(count, timeout, receivedMessages());
    }
    return receivedMessages();
  }

  /** Empties every mailbox. */
  public void reset() {
    greenMail.purge();
  }

  /** Empties the mailboxes and removes the users, for the next test that uses this server. */
  void recycle() {
    greenMail.purge();
    greenMail.deleteUsers();
  }

  /** Returns how many accepted sockets had TCP_NODELAY switched on (for tests of the fix). */
  int noDelaySockets() {
    return greenMail.noDelaySockets();
  }

  /** Stops the server; the extension does this after the test class. */
  @Override
  public void close() {
    greenMail.stop();
  }

  @Override
  public String toString() {
    return "EmbeddedMailServer[127.0.0.1 smtp "
        + port()
        + ", imap "
        + imapPort()
        + ", pop3 "
        + pop3Port()
        + "]";
  }
}
