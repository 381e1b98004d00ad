package org.smtpunit;

import java.util.List;
import org.smtpunit.dns.HostNames;
import org.smtpunit.internal.HostPort;
import org.smtpunit.internal.Wire;

/**
 * Loads the classes of a plain session on a short-lived daemon thread, once per JVM, started with
 * the first client, so that a cold JVM does not load them one by one on the opening thread.
 *
 * <p>Why: in a cold JVM each class costs about a third of a millisecond to find, read and define,
 * and a plain transaction needs some 25 of them after its client exists, most after the TCP
 * connection is up. Loaded here, in parallel with the client's own start and the JDK's socket
 * set-up and connect, that time leaves the first transaction's wall time when a second core is free
 * (bench/README.md, cold start). The work is the same, only on another thread.
 *
 * <p>The classes are loaded, not initialised: no static initialiser runs on this thread, so it
 * cannot take part in a class-initialisation deadlock; verification and initialisation stay where
 * they would be without it. {@code -Dsmtpunit.preload=false} switches it off.
 */
final class SessionClassPreload implements Runnable {

  /** The system property that switches the preload off when {@code false}. */
  static final String PROPERTY = "smtpunit.preload";

  /** The preload thread's name. */
  static final String THREAD_NAME = "smtpunit-class-preload";

  private static boolean started;

  private SessionClassPreload() {}

  /** Starts the preload the first time it is called in this JVM, unless switched off. */
  static synchronized void startOnce() {
    if (started) {
      return;
    }
    started = true;
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
      return;
    }
    Thread thread = new Thread(new SessionClassPreload(), THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  /** Loads the classes: evaluating a class literal loads its class without initialising it. */
  @Override
  public void run() {
    if (sessionClasses().isEmpty()) {
      throw new AssertionError("no classes to load");
    }
  }

  /**
   * The classes a plain session (open, EHLO, MAIL, RCPT, DATA, QUIT) loads after its client exists,
   * in the order it first needs them; {@code SessionClassPreloadTest} checks the list against what
   * such a session loads.
   */
  static List<Class<?>> sessionClasses() {
    return List.of(
        Wire.class,
        HostPort.class,
        TranscriptLog.class,
        TranscriptEntry.class,
        TranscriptEntry.Direction.class,
        Connector.class,
        HostNames.class,
        Connection.class,
        SmtpTimeoutException.class,
        SmtpConnectionClosedException.class,
        ReplyReader.class,
        SmtpProtocolException.class,
        Conversation.class,
        SmtpStage.class,
        ReplyLines.class,
        SmtpReply.class,
        Transcript.class,
        FrozenEntries.class,
        SmtpSession.class,
        EhloReply.class,
        Command.class,
        MailParameter.class,
        Commands.class,
        RcptParameter.class);
  }
}
