package org.smtpunit.junit;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.smtpunit.ReceivedMessage;

/**
 * The only class that sees GreenMail: starts its SMTP, IMAP and POP3 services on ephemeral loopback
 * ports, with TCP_NODELAY on every socket SMTP accepts, and turns what it stored into {@link
 * ReceivedMessage}s.
 *
 * <p>Why TCP_NODELAY: GreenMail writes its multi-line EHLO reply line by line. With Nagle's
 * algorithm on, the second line waits for the ACK of the first, and the client delays that ACK by
 * ~40 ms, so every session stalls (about 22 transactions per second). With it off, each line leaves
 * at once. Jakarta Mail's stream provider is named once ({@link MailStreamProviders}) so storing a
 * message no longer scans the class path.
 */
final class GreenMailAdapter {

  private final NoDelayGreenMail greenMail;

  GreenMailAdapter() {
    MailStreamProviders.pin();
    // SMTP to send, IMAP and POP3 to read back, all on ephemeral loopback ports.
    greenMail =
        new NoDelayGreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)
            });
    greenMail.start();
  }

  int port() {
    return greenMail.getSmtp().getPort();
  }

  int imapPort() {
    return greenMail.getImap().getPort();
  }

  int pop3Port() {
    return greenMail.getPop3().getPort();
  }

  int noDelaySockets() {
    return greenMail.noDelaySockets.get();
  }

  void addUser(String email, String password) {
    greenMail.setUser(email, email, password);
  }

  List<ReceivedMessage> receivedMessages() {
    List<ReceivedMessage> messages = new ArrayList<>();
    for (GreenMailUser user : greenMail.getUserManager().listUser()) {
      greenMail
          .findReceivedMessages(u -> u.equals(user), m -> true)
          .forEach(m -> messages.add(new ReceivedMessage(raw(m), List.of(user.getEmail()))));
    }
    return messages;
  }

  boolean waitFor(int count, long millis) {
    return greenMail.waitForIncomingEmail(millis, count);
  }

  void purge() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("Could not empty the embedded server's mailboxes", e);
    }
  }

  void deleteUsers() {
    for (GreenMailUser user : List.copyOf(greenMail.getUserManager().listUser())) {
      greenMail.getUserManager().deleteUser(user);
    }
  }

  void stop() {
    greenMail.stop();
  }

  private static String raw(MimeMessage message) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException("Could not read a message from the embedded server", e);
    }
  }

  /** GreenMail whose SMTP service turns on TCP_NODELAY for each accepted socket. */
  private static final class NoDelayGreenMail extends GreenMail {
    private final AtomicInteger noDelaySockets = new AtomicInteger();

    NoDelayGreenMail(ServerSetup[] setups) {
      super(setups);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = new HashMap<>(super.createServices(config, managers));
      for (ServerSetup setup : config) {
        if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
          services.put(setup.getProtocol(), new NoDelaySmtpServer(setup, managers, noDelaySockets));
        }
      }
      return services;
    }
  }

  private static final class NoDelaySmtpServer extends SmtpServer {
    private final AtomicInteger noDelaySockets;

    NoDelaySmtpServer(ServerSetup setup, Managers managers, AtomicInteger noDelaySockets) {
      super(setup, managers);
      this.noDelaySockets = noDelaySockets;
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      try {
        socket.setTcpNoDelay(true);
        if (socket.getTcpNoDelay()) {
          noDelaySockets.incrementAndGet();
        }
      } catch (SocketException e) {
        // The client is already gone; GreenMail's handler will notice.
      }
      return super.createProtocolHandler(socket);
    }
  }
}
