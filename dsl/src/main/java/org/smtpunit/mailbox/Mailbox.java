package org.smtpunit.mailbox;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.smtpunit.Credentials;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.TlsMode;
import org.smtpunit.Transcript;
import org.smtpunit.internal.HostPort;

/**
 * A mailbox read over IMAP or POP3, to check that a message sent over SMTP really arrived: the end
 * of the walkthrough that telnet cannot show. Build it with {@link #imap(String, int)} or {@link
 * #pop3(String, int)}, log in, await your own message by its Message-ID.
 *
 * <pre>{@code
 * MailMessage message = MailMessage.builder().from("chris@contoso.com").to("kate@fabrikam.com")
 *     .subject("Test from Contoso").body("This is a test message").build();
 * ... smtp.send(message) ...
 * try (Mailbox inbox = Mailbox.imap("mail1.fabrikam.com", 143)
 *     .tls(TlsMode.STARTTLS)
 *     .login(Credentials.of("kate@fabrikam.com", password))) {
 *   ReceivedMessage received =
 *       inbox.awaitMessage(MessageQuery.messageId(message.messageId()), Duration.ofSeconds(30));
 *   assertThat(received).hasSubject("Test from Contoso");
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test thread reads one mailbox. Each look opens the folder afresh (a new
 * POP3 session, since POP3 shows no mail that arrives during a session). Every method that talks to
 * the server throws {@link MailboxException}, with the conversation as its transcript, when it
 * cannot.
 */
public final class Mailbox implements AutoCloseable {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final MailStore store;

  private Mailbox(MailStore store) {
    this.store = store;
  }

  /**
   * Starts configuring an IMAP mailbox (port 143, or 993 with {@link TlsMode#IMPLICIT}).
   *
   * @throws IllegalArgumentException for a blank host or a port outside 1-65535
   */
  public static Builder imap(String host, int port) {
    return new Builder(MailboxSettings.Protocol.IMAP, host, port);
  }

  /**
   * Starts configuring a POP3 mailbox (port 110, or 995 with {@link TlsMode#IMPLICIT}).
   *
   * @throws IllegalArgumentException for a blank host or a port outside 1-65535
   */
  public static Builder pop3(String host, int port) {
    return new Builder(MailboxSettings.Protocol.POP3, host, port);
  }

  /**
   * Waits until a message matching the query is in the mailbox and returns it (the first, when
   * several match), looking every 200 ms.
   *
   * @throws MailboxException when none arrives within the timeout (naming the query and how many
   *     messages the mailbox held), or the server cannot be read
   * @throws IllegalArgumentException when the timeout is negative
   */
  public ReceivedMessage awaitMessage(MessageQuery query, Duration timeout) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was [" + timeout + "]");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ReceivedMessage> found = store.find(query, false);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        String what =
            "No message matching ["
                + query
                + "] arrived in "
                + store.settings().folder()
                + " of "
                + store.username()
                + " at "
                + store.settings()
                + " within "
                + timeout.toMillis()
                + " ms; the folder holds "
                + store.count()
                + " other messages. Likely causes: the message was rejected or is still queued"
                + " (check the SMTP reply and the server's queue), or it was delivered to another"
                + " mailbox or folder";
        store.log().note(what);
        throw new MailboxException(what, store.log().snapshot(), null);
      }
      sleep(Math.min(left, POLL_INTERVAL.toNanos()));
    }
  }

  /**
   * Returns the messages matching the query, oldest first; an empty list when none does.
   *
   * @throws MailboxException when the server cannot be read
   */
  public List<ReceivedMessage> messages(MessageQuery query) {
    return store.find(Objects.requireNonNull(query, "query"), false);
  }

  /**
   * Deletes the messages matching the query (IMAP: flagged {@code \Deleted} and expunged; POP3:
   * DELE) and returns how many there were.
   *
   * @throws MailboxException when the server cannot be read or refuses the deletion
   */
  public int delete(MessageQuery query) {
    return store.find(Objects.requireNonNull(query, "query"), true).size();
  }

  /** Returns the IMAP or POP3 conversation so far, credentials redacted. */
  public Transcript transcript() {
    return store.log().snapshot();
  }

  /** Logs out and closes the connection; calling it again does nothing. */
  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    MailboxSettings settings = store.settings();
    return "Mailbox[" + store.username() + " at " + settings + ", " + settings.folder() + "]";
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos).toMillis(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a message", e);
    }
  }

  /**
   * Configures a {@link Mailbox}: TLS and trust exactly as for {@link SmtpClient}, timeouts, the
   * folder. Not thread-safe; {@link #login(Credentials)} connects.
   */
  public static final class Builder {
    private final MailboxSettings.Protocol protocol;
    private final String host;
    private final int port;
    private final SmtpClient.Builder tls = SmtpClient.builder();
    private TlsMode tlsMode = TlsMode.NONE;
    private boolean allowPlaintextAuth;
    private String folder = "INBOX";

    private Builder(MailboxSettings.Protocol protocol, String host, int port) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || host.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new IllegalArgumentException("Host must not be blank or hold CR, LF or NUL");
      }
      HostPort.checkPort("Port", port);
      this.protocol = protocol;
      this.host = host;
      this.port = port;
    }

    /**
     * Sets how the connection uses TLS (default {@link TlsMode#NONE}): STARTTLS (IMAP's STARTTLS,
     * POP3's STLS) or implicit TLS (ports 993 and 995).
     */
    public Builder tls(TlsMode mode) {
      this.tlsMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Allows the login over a connection that is not encrypted (default {@code false}: as for SMTP
     * AUTH, the password would be easy to read).
     */
    public Builder allowPlaintextAuth(boolean allow) {
      this.allowPlaintextAuth = allow;
      return this;
    }

    /**
     * Trusts the certificates in a PEM file instead of the JDK's trust store.
     *
     * @throws IllegalArgumentException when the file holds no readable certificate
     * @see SmtpClient.Builder#trustCertificate(Path)
     */
    public Builder trustCertificate(Path pemFile) {
      tls.trustCertificate(pemFile);
      return this;
    }

    /** Trusts the certificates of a key store instead of the JDK's trust store. */
    public Builder trust(KeyStore trustStore) {
      tls.trust(trustStore);
      return this;
    }

    /** Accepts any certificate for any name: for lab servers with self-signed certificates only. */
    public Builder trustAnyCertificateInsecurely() {
      tls.trustAnyCertificateInsecurely();
      return this;
    }

    /**
     * Verifies the certificate against this name instead of the host connected to.
     *
     * @throws IllegalArgumentException when it holds CR, LF or NUL
     */
    public Builder tlsHostName(String hostName) {
      tls.tlsHostName(hostName);
      return this;
    }

    /**
     * Sets the oldest TLS protocol version accepted (default {@code TLSv1.2}).
     *
     * @throws IllegalArgumentException for an unknown protocol name (when logging in)
     */
    public Builder minimumTlsProtocol(String protocol) {
      tls.minimumTlsProtocol(protocol);
      return this;
    }

    /**
     * Sets the time allowed to open the TCP connection (default 20 s).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder connectTimeout(Duration timeout) {
      tls.connectTimeout(timeout);
      return this;
    }

    /**
     * Sets the time allowed for each server response (default 60 s).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder timeout(Duration timeout) {
      tls.replyTimeout(timeout);
      return this;
    }

    /** Sets the folder to read (default {@code INBOX}; POP3 has no other). */
    public Builder folder(String name) {
      this.folder = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Connects, logs in and returns the open mailbox.
     *
     * @throws MailboxException when the connection is not encrypted and plaintext login was not
     *     allowed (nothing is sent), the host cannot be reached, TLS fails, or the login is refused
     */
    public Mailbox login(Credentials credentials) {
      Objects.requireNonNull(credentials, "credentials");
      MailboxSettings settings =
          new MailboxSettings(
              protocol, host, port, tlsMode, tls.build(), allowPlaintextAuth, folder);
      ProtocolLog log = new ProtocolLog();
      if (tlsMode == TlsMode.NONE && !allowPlaintextAuth) {
        String what =
            "Refusing to log in to "
                + settings
                + " as "
                + credentials.username()
                + " over a connection that is not encrypted: the password would be easy to read."
                + " Use tls(TlsMode.STARTTLS) or tls(TlsMode.IMPLICIT), or allowPlaintextAuth(true)"
                + " for a lab server; nothing was sent";
        log.note(what);
        throw new MailboxException(what, log.snapshot(), null);
      }
      return new Mailbox(MailStore.login(settings, credentials, log));
    }
  }
}
