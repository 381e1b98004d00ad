package org.smtpunit.stub;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * What every connection of one stub shares: the script and the responder that answer, the limits
 * and TLS, and what the stub records (commands, messages, mismatches, its own failures).
 */
final class StubState {

  /** How many commands and messages it keeps, at most (the first ones). */
  static final int MAX_KEPT = 100_000;

  private final Script script = new Script();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Mismatch> mismatches = new CopyOnWriteArrayList<>();
  private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
  private final Inbox inbox = new Inbox();
  private final Responder responder;
  private final PersonaTexts texts;
  private final int maxLineLength;
  private final long maxMessageSize;
  private final StubTls tls;

  /**
   * Sets up the state of a new stub.
   *
   * @param recording the transcript to replay, or {@code null} to answer as the persona
   */
  StubState(
      Persona persona,
      Recording recording,
      InetAddress address,
      int maxLineLength,
      long maxMessageSize) {
    this.texts = persona.texts();
    this.responder =
        recording == null
            ? new PersonaResponder(persona, script)
            : new ReplayResponder(recording, mismatches);
    this.maxLineLength = maxLineLength;
    this.maxMessageSize = maxMessageSize;
    this.tls = new StubTls(texts.host(), address);
  }

  Script script() {
    return script;
  }

  Responder responder() {
    return responder;
  }

  boolean replaying() {
    return responder instanceof ReplayResponder;
  }

  PersonaTexts texts() {
    return texts;
  }

  int maxLineLength() {
    return maxLineLength;
  }

  long maxMessageSize() {
    return maxMessageSize;
  }

  StubTls tls() {
    return tls;
  }

  Inbox inbox() {
    return inbox;
  }

  /** Forgets everything it saw (commands, messages, mismatches) and the script. */
  void reset() {
    script.clear();
    commands.clear();
    mismatches.clear();
    inbox.clear();
  }

  void recordCommand(String line) {
    // A client that never stops sending must not fill the heap: keep the first lines only.
    if (commands.size() < MAX_KEPT) {
      commands.add(line);
    }
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  List<Mismatch> mismatches() {
    return List.copyOf(mismatches);
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

  /** The TLS context a handshake uses now (a certificate may have been set since the start). */
  SSLContext sslContext() {
    return tls.context();
  }
}
