package org.smtpunit.stub;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * What every connection of one {@link SmtpStub} shares: the rules, the responder and its texts, the
 * limits, the TLS context, and what was seen (commands, messages, mismatches, the stub's own
 * failures). {@link SmtpStub} is the public face over it; connections see only this.
 */
final class StubState {

  /** How many commands and messages it keeps, at most (the first ones). */
  static final int MAX_KEPT = 100_000;

  final Script script = new Script();
  final List<String> commands = new CopyOnWriteArrayList<>();
  final List<Mismatch> mismatches = new CopyOnWriteArrayList<>();
  private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
  final Inbox inbox = new Inbox();
  final Responder responder;
  final PersonaTexts texts;
  final int maxLineLength;
  final long maxMessageSize;
  final StubTls tls;

  StubState(Persona persona, Recording recording, StubLimits limits, InetAddress address) {
    this.texts = persona.texts();
    this.responder =
        recording == null
            ? new PersonaResponder(persona, script)
            : new ReplayResponder(recording, mismatches);
    this.maxLineLength = limits.maxLineLength();
    this.maxMessageSize = limits.maxMessageSize();
    this.tls = new StubTls(texts.host(), address);
  }

  boolean replaying() {
    return responder instanceof ReplayResponder;
  }

  SSLContext tlsContext() {
    return tls.context();
  }

  void recordCommand(String line) {
    // A client that never stops sending must not fill the heap: keep the first lines only.
    if (commands.size() < MAX_KEPT) {
      commands.add(line);
    }
  }

  /** Keeps a bug of the stub's own (not a client's misbehaviour) for the stub's tests to see. */
  void failed(RuntimeException e) {
    failures.add(e);
  }

  List<RuntimeException> failures() {
    return List.copyOf(failures);
  }

  void received(StubMessage message) {
    inbox.add(message, MAX_KEPT);
  }

  /** Forgets every rule and everything seen. */
  void reset() {
    script.clear();
    commands.clear();
    mismatches.clear();
    inbox.clear();
  }
}
