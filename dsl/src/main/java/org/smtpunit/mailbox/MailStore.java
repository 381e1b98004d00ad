package org.smtpunit.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.smtpunit.Credentials;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.TlsMode;

/**
 * The only class that sees Angus Mail: logs in over IMAP or POP3 with the mailbox's TLS settings,
 * finds messages by their header section (fetching a whole message only when it matches), deletes
 * them, and maps Angus's exceptions to {@link MailboxException}s that carry the conversation.
 */
final class MailStore implements AutoCloseable {

  private final MailboxSettings settings;
  private final ProtocolLog log;
  private final Store store;
  private final String username;

  private MailStore(MailboxSettings settings, ProtocolLog log, Store store, String username) {
    this.settings = settings;
    this.log = log;
    this.store = store;
    this.username = username;
  }

  /** Where the store is and how it is reached. */
  MailboxSettings settings() {
    return settings;
  }

  /** The conversation so far, credentials redacted. */
  ProtocolLog log() {
    return log;
  }

  /** The user logged in as. */
  String username() {
    return username;
  }

  static MailStore login(MailboxSettings settings, Credentials credentials, ProtocolLog log) {
    String protocol = settings.angusProtocol();
    String prefix = "mail." + protocol;
    Properties properties = new Properties();
    properties.put(prefix + ".host", settings.host());
    properties.put(prefix + ".port", String.valueOf(settings.port()));
    properties.put(prefix + ".connectiontimeout", String.valueOf(settings.connectMillis()));
    properties.put(prefix + ".timeout", String.valueOf(settings.timeoutMillis()));
    // Host name verification is done by the socket factory, with the client's tlsHostName.
    properties.put(prefix + ".ssl.checkserveridentity", "false");
    if (settings.tlsMode() != TlsMode.NONE) {
      properties.put(prefix + ".ssl.socketFactory", settings.socketFactory());
    }
    if (settings.tlsMode() == TlsMode.STARTTLS
        || settings.tlsMode() == TlsMode.STARTTLS_IF_OFFERED) {
      properties.put(prefix + ".starttls.enable", "true");
      // Without allowPlaintextAuth a server that does not offer STARTTLS gets no login at all.
      boolean required = settings.tlsMode() == TlsMode.STARTTLS || !settings.allowPlaintextAuth();
      properties.put(prefix + ".starttls.required", String.valueOf(required));
    }
    Session session = Session.getInstance(properties);
    session.setDebugOut(log.printStream());
    session.setDebug(true);
    log.redact(credentials.username(), credentials.secret());
    log.note("Connecting to " + settings);
    try {
      Store store = session.getStore(protocol);
      store.connect(settings.host(), settings.port(), credentials.username(), credentials.secret());
      return new MailStore(settings, log, store, credentials.username());
    } catch (MessagingException e) {
      throw failure("Login to " + settings + " as " + credentials.username(), e, log, settings);
    }
  }

  /**
   * Returns the messages of the folder whose header section matches the query, whole; with {@code
   * delete}, also deletes them (expunged when the folder closes).
   */
  List<ReceivedMessage> find(MessageQuery query, boolean delete) {
    return inFolder(
        delete ? Folder.READ_WRITE : Folder.READ_ONLY,
        delete,
        folder -> {
          List<ReceivedMessage> found = new ArrayList<>();
          Message[] messages = folder.getMessages();
          if (folder instanceof IMAPFolder && messages.length > 0) {
            // One FETCH for every header section instead of a round trip per message.
            FetchProfile headers = new FetchProfile();
            headers.add(IMAPFolder.FetchProfileItem.HEADERS);
            folder.fetch(messages, headers);
          }
          for (Message message : messages) {
            if (query.matches(headersOf(message))) {
              found.add(whole(message));
              if (delete) {
                message.setFlag(Flags.Flag.DELETED, true);
              }
            }
          }
          return found;
        });
  }

  /** Returns how many messages the folder holds. */
  int count() {
    return inFolder(Folder.READ_ONLY, false, Folder::getMessageCount);
  }

  @FunctionalInterface
  private interface FolderWork<T> {
    T run(Folder folder) throws MessagingException, IOException;
  }

  private <T> T inFolder(int mode, boolean expunge, FolderWork<T> work) {
    Folder folder = null;
    try {
      folder = store.getFolder(settings.folder());
      folder.open(mode);
      T result = work.run(folder);
      folder.close(expunge);
      folder = null;
      return result;
    } catch (MessagingException | IOException e) {
      throw failure("Reading " + settings.folder() + " of " + settings, e, log, settings);
    } finally {
      if (folder != null && folder.isOpen()) {
        try {
          folder.close(false);
        } catch (MessagingException ignored) {
          // The failure being reported matters more than a failed close.
        }
      }
    }
  }

  private ReceivedMessage headersOf(Message message) throws MessagingException {
    StringBuilder headers = new StringBuilder(512);
    for (String line : Collections.list(((MimeMessage) message).getAllHeaderLines())) {
      headers.append(line).append("\r\n");
    }
    headers.append("\r\n");
    return new ReceivedMessage(headers.toString(), recipients(message));
  }

  private ReceivedMessage whole(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
    message.writeTo(raw);
    return new ReceivedMessage(raw.toString(StandardCharsets.UTF_8), recipients(message));
  }

  /** Delivered-To (RFC 9228) names the envelope recipient; otherwise the mailbox's owner. */
  private List<String> recipients(Message message) throws MessagingException {
    String[] delivered = message.getHeader("Delivered-To");
    return delivered == null || delivered.length == 0
        ? List.of(username)
        : List.of(delivered).stream().map(String::trim).toList();
  }

  @Override
  public void close() {
    try {
      store.close();
    } catch (MessagingException e) {
      log.note("closing the connection failed: " + e.getMessage());
    }
  }

  static MailboxException failure(
      String what, Exception e, ProtocolLog log, MailboxSettings settings) {
    String why;
    if (e instanceof AuthenticationFailedException) {
      why =
          " was refused ["
              + e.getMessage()
              + "]. Likely causes: a wrong user name or password, a disabled account, or a server"
              + " that allows login only over TLS";
    } else if (has(e, UnknownHostException.class)) {
      why = " failed: the host name does not resolve [" + e.getMessage() + "]";
    } else if (has(e, ConnectException.class)) {
      why =
          " failed: the connection was refused or could not be made ["
              + e.getMessage()
              + "]. Likely causes: no "
              + settings.protocolName()
              + " server listens on that port, or a firewall blocks it";
    } else if (has(e, SocketTimeoutException.class)) {
      why =
          " failed: no answer within the timeout of "
              + settings.timeoutMillis()
              + " ms. Likely causes: the server is overloaded or stalled, or a firewall drops the"
              + " connection";
    } else if (has(e, SSLException.class)) {
      why = " failed in the TLS handshake [" + e.getMessage() + "]";
    } else {
      why = " failed [" + e + "]";
    }
    log.note(what + why);
    return new MailboxException(what + why, log.snapshot(), e);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
