package org.smtpunit;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;

/**
 * The STARTTLS upgrade of RFC 3207 on a conversation: the command, the refusal to read anything the
 * server sent in plain text before the handshake (CVE-2011-0411), the handshake with the client's
 * {@link TlsSettings}, and the fresh start that follows; also the EHLO and STARTTLS that {@link
 * TlsMode#STARTTLS} asks for while a session opens.
 */
final class StartTls {

  private StartTls() {}

  /**
   * Sends STARTTLS and, on {@code 220}, upgrades the connection; any other reply is returned as it
   * is.
   *
   * @throws SmtpTlsException when bytes arrived between the 220 and the handshake, or the handshake
   *     fails; the conversation is ended first
   */
  static SmtpReply upgrade(Conversation conversation, TlsSettings settings) {
    settings.prepare(conversation.remoteHost());
    // One deadline for the whole call: the 220 and the handshake after it.
    long start = System.nanoTime();
    SmtpReply reply = conversation.exchange(Command.of(SmtpStage.STARTTLS, "STARTTLS"), start);
    if (reply.code() != 220) {
      return reply;
    }
    Connection connection = conversation.connection();
    TranscriptLog log = conversation.log();
    int injected = connection.reader().discardBuffered() + connection.available();
    if (injected > 0) {
      throw ended(
          conversation,
          new SmtpTlsException(
              "The server sent "
                  + injected
                  + " bytes after its 220 to STARTTLS and before the TLS handshake: they could be"
                  + " commands or replies injected in plain text (CVE-2011-0411), so the session"
                  + " was ended instead of reading them as TLS-protected",
              SmtpStage.STARTTLS,
              log.snapshot(),
              null));
    }
    SSLSocket ssl;
    try {
      ssl =
          settings.handshake(
              connection.socket(),
              conversation.remoteHost(),
              start + conversation.replyTimeout().toNanos(),
              conversation.replyTimeout(),
              SmtpStage.STARTTLS,
              log);
      connection.attach(ssl);
    } catch (SmtpTlsException e) {
      throw ended(conversation, e);
    } catch (IOException e) {
      throw ended(
          conversation,
          new SmtpTlsException(
              "TLS layer could not be attached: " + e, SmtpStage.STARTTLS, log.snapshot(), e));
    }
    conversation.secured(settings.info(ssl.getSession()));
    return reply;
  }

  private static SmtpTlsException ended(Conversation conversation, SmtpTlsException e) {
    conversation.broken(e);
    return e;
  }

  /**
   * The client's own EHLO and STARTTLS (the session's {@code ehlo} and {@code startTls}) while
   * opening a session for {@link TlsMode#STARTTLS} and its variant (here rather than in {@link
   * SessionOpener}, so that opening a plain session does not load {@link SmtpTlsException}).
   */
  static void duringOpen(
      Function<String, EhloReply> ehloCommand,
      Supplier<SmtpReply> startTlsCommand,
      Conversation conversation,
      SessionSettings settings) {
    boolean required = settings.tlsMode() == TlsMode.STARTTLS;
    EhloReply ehlo = ehloCommand.apply(settings.clientDomain());
    if (!ehlo.supports("STARTTLS")) {
      if (required) {
        throw new SmtpTlsException(
            conversation.remoteHost()
                + " does not advertise STARTTLS in its EHLO reply, and the client requires it"
                + " (TlsMode.STARTTLS); use STARTTLS_IF_OFFERED to continue in plain text",
            SmtpStage.STARTTLS,
            conversation.log().snapshot(),
            null);
      }
      conversation
          .log()
          .note("STARTTLS not offered: continuing in plain text (STARTTLS_IF_OFFERED)");
      return;
    }
    SmtpReply reply = startTlsCommand.get();
    if (reply.code() != 220) {
      if (required) {
        throw new SmtpTlsException(
            conversation.remoteHost()
                + " refused STARTTLS with ["
                + reply
                + "], and the client requires TLS",
            SmtpStage.STARTTLS,
            conversation.log().snapshot(),
            null);
      }
      conversation.log().note("STARTTLS refused: continuing in plain text (STARTTLS_IF_OFFERED)");
    }
  }
}
