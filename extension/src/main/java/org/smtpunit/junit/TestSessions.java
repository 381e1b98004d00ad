package org.smtpunit.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpSession;
import org.smtpunit.Transcript;

/**
 * One test's session resources, kept in its store: every session it opened (the injected one and
 * those from the injected client, in order), and the embedded server it leased. Closing QUITs and
 * closes each session (even after a failure) and gives the server back.
 */
final class TestSessions implements StoredResource {

  private final List<SmtpSession> sessions = new ArrayList<>();
  private SmtpSession injected;
  private EmbeddedMailServer server;
  private EmbeddedServers pool;
  private List<Transcript> transcripts;

  synchronized void add(SmtpSession session) {
    if (transcripts == null) {
      sessions.add(session);
    }
  }

  synchronized Optional<SmtpSession> injected() {
    return Optional.ofNullable(injected);
  }

  synchronized void inject(SmtpSession session) {
    this.injected = session;
    if (!sessions.contains(session)) {
      sessions.add(0, session);
    }
  }

  /** Returns the test's embedded server, leasing one from the pool on first use. */
  synchronized EmbeddedMailServer server(EmbeddedServers servers) {
    if (server == null) {
      pool = servers;
      server = servers.lease();
    }
    return server;
  }

  /** The transcripts so far, in the order the sessions opened. */
  synchronized List<Transcript> transcriptsSoFar() {
    return sessions.stream().map(SmtpSession::transcript).toList();
  }

  /** QUITs and closes every session once; returns their whole transcripts, in order. */
  synchronized List<Transcript> finish() {
    if (transcripts == null) {
      List<Transcript> result = new ArrayList<>();
      for (SmtpSession session : sessions) {
        result.add(finish(session));
      }
      transcripts = List.copyOf(result);
      if (server != null) {
        pool.release(server);
        server = null;
      }
    }
    return transcripts;
  }

  private static Transcript finish(SmtpSession session) {
    try {
      // After a 354 the server reads message content: a QUIT would be taken as part of the
      // message and its reply would never come. Close instead.
      if (session.isOpen() && !session.awaitingContent()) {
        session.quit();
      }
    } catch (SmtpException e) {
      // The test's outcome stands; a server that hangs up on QUIT only shows in the transcript.
    } finally {
      session.close();
    }
    return session.transcript();
  }

  @Override
  public void close() {
    finish();
  }
}
