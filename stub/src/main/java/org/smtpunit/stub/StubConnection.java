package org.smtpunit.stub;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/**
 * One accepted connection: reads commands, asks the rules and then the responder for each reply,
 * sends it in one write, and keeps the conversation's state (transaction, TLS, AUTH). It is also
 * the channel a fault and the SASL exchange act on.
 */
final class StubConnection implements Runnable, StubChannel, SaslExchange.Channel {

  private final StubState stub;
  private final Consumer<StubConnection> ended;
  private final Socket plain;
  private final boolean implicitTls;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Dialogue dialogue;
  private volatile Socket socket;
  private OutputStream out;
  private StubInput input;

  StubConnection(
      StubState stub, Socket socket, boolean implicitTls, Consumer<StubConnection> ended) {
    this.stub = stub;
    this.ended = ended;
    this.plain = socket;
    this.socket = socket;
    this.implicitTls = implicitTls;
    this.dialogue = new Dialogue(socket.getInetAddress());
  }

  @Override
  public void run() {
    try {
      plain.setTcpNoDelay(true);
      out = plain.getOutputStream();
      input = new StubInput(plain.getInputStream());
      if (implicitTls) {
        upgradeToTls();
      }
      String greeting = stub.script.greeting().orElseGet(() -> stub.responder.greeting(dialogue));
      if (!answer(SmtpVerb.CONNECT, "", greeting)) {
        return;
      }
      while (true) {
        String line = input.readLine(stub.maxLineLength);
        if (line == null) {
          return;
        }
        if (input.overflowed()) {
          send(stub.texts.lineTooLong());
        } else if (!command(line)) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, the handshake failed, or the stub is closing: the connection ends.
    } catch (RuntimeException e) {
      stub.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  /** Handles one command line; returns whether the conversation goes on. */
  private boolean command(String line) throws IOException, InterruptedException {
    boolean saslResponse = dialogue.inSasl;
    SmtpVerb verb = saslResponse ? SmtpVerb.UNKNOWN : SmtpVerb.of(line);
    String shown = saslResponse ? "****" : masked(verb, line);
    if (!saslResponse) {
      stub.recordCommand(shown);
    }
    String argument = SmtpVerb.argument(verb, line);
    if (verb == SmtpVerb.BDAT && !readChunk(argument)) {
      return false;
    }
    Optional<Rule> rule = stub.script.ruleFor(verb, argument);
    if (verb == SmtpVerb.AUTH && rule.isEmpty() && stub.responder.runsSasl()) {
      return authenticate(argument);
    }
    String base = stub.responder.reply(verb, stub.replaying() ? shown : line, argument, dialogue);
    return answer(verb, argument, base, rule);
  }

  private boolean answer(SmtpVerb verb, String argument, String base)
      throws IOException, InterruptedException {
    return answer(verb, argument, base, stub.script.ruleFor(verb, argument));
  }

  private boolean answer(SmtpVerb verb, String argument, String base, Optional<Rule> rule)
      throws IOException, InterruptedException {
    Answer answer = Answer.of(rule, base);
    if (verb == SmtpVerb.BDAT && answer.deliversReply()) {
      // Kept before the reply goes out, so a client that saw 250 finds the message there.
      finishChunk(argument, answer.positive());
    }
    FaultAction.Outcome outcome = deliver(answer);
    if (outcome == FaultAction.Outcome.ENDED) {
      return false;
    }
    if (verb == SmtpVerb.AUTH || dialogue.inSasl) {
      // Without SASL of its own (a recording, or a rule on AUTH) a 334 asks for one more line.
      dialogue.inSasl = answer.code() == 334;
      dialogue.authenticated |= answer.code() == 235;
    }
    return outcome == FaultAction.Outcome.REPLACED || follow(verb, argument, answer.code());
  }

  private FaultAction.Outcome deliver(Answer answer) throws IOException, InterruptedException {
    if (answer.fault().isPresent()) {
      return FaultAction.perform(answer.fault().get(), answer.reply(), this);
    }
    send(answer.reply());
    return FaultAction.Outcome.DELIVERED;
  }

  /** Moves the conversation on as the delivered reply says; returns whether it goes on. */
  private boolean follow(SmtpVerb verb, String argument, int code)
      throws IOException, InterruptedException {
    boolean positive = code / 100 == 2;
    switch (verb) {
      case HELO, EHLO -> {
        if (positive) {
          dialogue.greeted = true;
          dialogue.resetTransaction();
        }
      }
      case MAIL -> {
        if (positive) {
          dialogue.sender = Envelope.parse(argument);
        }
      }
      case RCPT -> {
        if (positive) {
          Envelope recipient = Envelope.parse(argument);
          dialogue.recipients.add(
              new StubMessage.Recipient(recipient.address(), recipient.parameters()));
        }
      }
      case DATA -> {
        if (code == 354) {
          return receiveContent();
        }
      }
      case RSET -> {
        if (positive) {
          dialogue.resetTransaction();
        }
      }
      case STARTTLS -> {
        if (code == 220) {
          upgradeToTls();
          // RFC 3207 §4.2: the client must forget everything it learnt before TLS; so do we.
          dialogue.greeted = false;
          dialogue.authenticated = false;
          dialogue.resetTransaction();
        }
      }
      case QUIT -> {
        return code != 221 && code != 421;
      }
      default -> {
        // Nothing to remember.
      }
    }
    // RFC 5321 §3.8: 421 means the server is closing the transmission channel.
    return code != 421;
  }

  private void finishChunk(String argument, boolean positive) {
    Optional<Chunk> chunk = Chunk.parse(argument);
    boolean last = chunk.isPresent() && chunk.get().last();
    if (positive && last) {
      stub.received(dialogue.message(dialogue.chunks.toByteArray()));
    }
    if (!positive || last) {
      dialogue.resetTransaction();
    }
  }

  /** Reads a BDAT chunk before its reply (RFC 3030 §2); returns whether the connection goes on. */
  private boolean readChunk(String argument) throws IOException {
    Optional<Chunk> chunk = Chunk.parse(argument);
    if (chunk.isPresent()) {
      long room = stub.maxMessageSize - dialogue.chunks.size();
      byte[] bytes = input.readChunk(chunk.get().size(), Math.max(0, room));
      dialogue.chunks.writeBytes(bytes);
      dialogue.chunksTooBig |= input.overflowed();
    }
    return true;
  }

  /** Reads DATA content and answers its final dot; returns whether the connection goes on. */
  private boolean receiveContent() throws IOException, InterruptedException {
    byte[] content = input.readContent(stub.maxMessageSize);
    boolean tooBig = input.overflowed();
    StubMessage message = dialogue.message(content);
    dialogue.resetTransaction();
    String base = stub.responder.afterContent(dialogue, tooBig);
    Answer answer = Answer.of(stub.script.ruleFor(SmtpVerb.CONTENT, ""), base);
    if (answer.deliversReply() && answer.positive() && !tooBig) {
      // Kept before the reply goes out, so a client that saw 250 finds the message there.
      stub.received(message);
    }
    return deliver(answer) != FaultAction.Outcome.ENDED && answer.code() != 421;
  }

  private boolean authenticate(String argument) throws IOException {
    SaslExchange.Result result = new SaslExchange(stub.texts, stub.script, this).run(argument);
    dialogue.authenticated |= result == SaslExchange.Result.AUTHENTICATED;
    return result != SaslExchange.Result.GONE;
  }

  /** Layers TLS over the connection, server side, and completes the handshake. */
  void upgradeToTls() throws IOException {
    SSLSocket tls =
        (SSLSocket)
            stub.tlsContext()
                .getSocketFactory()
                .createSocket(
                    plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
    tls.setUseClientMode(false);
    socket = tls;
    tls.startHandshake();
    out = tls.getOutputStream();
    input.discardBuffered();
    input.switchTo(tls.getInputStream());
    dialogue.tls = true;
  }

  @Override
  public String readResponse() throws IOException {
    return input.readLine(stub.maxLineLength);
  }

  @Override
  public void send(String reply) throws IOException {
    write(StubChannel.wire(reply));
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void drainUntilClosed() throws IOException {
    input.drain();
  }

  @Override
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Sends a TCP RST: linger 0 makes close() abort the connection instead of a FIN. */
  @Override
  public void reset() throws IOException {
    plain.setSoLinger(true, 0);
    close();
  }

  @Override
  public void close() {
    try {
      socket.close();
      plain.close();
    } catch (IOException ignored) {
      // Already closed.
    } finally {
      closed.countDown();
      ended.accept(this);
    }
  }

  /** Returns the line as commands() keeps it: an AUTH initial response hidden as {@code ****}. */
  private static String masked(SmtpVerb verb, String line) {
    if (verb != SmtpVerb.AUTH) {
      return line;
    }
    int second = line.indexOf(' ', 5);
    return second < 0 ? line : line.substring(0, second) + " ****";
  }
}
