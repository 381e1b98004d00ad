package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smtpunit.internal.Wire;

/**
 * A batch of commands sent in one flight (RFC 2920 PIPELINING): MAIL, RCPT and DATA go out in a
 * single write and the replies are matched to the commands in order; a batch may open with the
 * message content ({@link #content}) and end with QUIT ({@link #quit()}). Send pipelines only to
 * servers that advertise {@code PIPELINING}; the client does not check, so a test can see what a
 * server that does not advertise it does.
 *
 * <pre>{@code
 * List<SmtpReply> replies = smtp.pipeline()
 *     .mailFrom("chris@contoso.com")
 *     .rcptTo("kate@fabrikam.com")
 *     .data()
 *     .send();
 * assertThat(replies.get(2)).hasCode(354);
 * smtp.content(message);
 * }</pre>
 *
 * <p>Every argument is validated when the command is added, so a bad one is refused before any byte
 * of the batch is sent. A pipeline is sent once.
 */
public final class Pipeline {

  private final Conversation conversation;
  private final List<Command> commands = new ArrayList<>();
  private MailMessage content;
  private boolean sent;

  Pipeline(Conversation conversation) {
    this.conversation = conversation;
  }

  /**
   * Adds {@code MAIL FROM:<address>}.
   *
   * @throws IllegalArgumentException as {@link SmtpSession#mailFrom}
   */
  public Pipeline mailFrom(String address, MailParameter... params) {
    return add(Commands.mailFrom(address, params));
  }

  /**
   * Adds {@code RCPT TO:<address>}.
   *
   * @throws IllegalArgumentException as {@link SmtpSession#rcptTo}
   */
  public Pipeline rcptTo(String address, RcptParameter... params) {
    return add(Commands.rcptTo(address, utf8AtEnd(), params));
  }

  /** Adds {@code DATA}; RFC 2920 §3.1 makes it the last command of a batch. */
  public Pipeline data() {
    return add(Command.of(SmtpStage.DATA, "DATA"));
  }

  /**
   * Opens the batch with the message content and its end (the {@code .} line), for a session that
   * has its {@code 354}: RFC 2920 §3.1 lets the content be the first "command" of a group, so the
   * next transaction's MAIL, RCPT and DATA, or QUIT, can follow it in the same write. Its
   * end-of-data reply is the first of {@link #send()}'s replies.
   *
   * <pre>{@code
   * smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("kate@fabrikam.com").data().send();
   * List<SmtpReply> replies = smtp.pipeline().content(message).quit().send(); // 250, then 221
   * }</pre>
   *
   * @throws IllegalStateException when a command was added before it
   * @throws IllegalArgumentException as {@link SmtpSession#content}
   */
  public Pipeline content(MailMessage message) {
    Objects.requireNonNull(message, "message");
    if (sent || !commands.isEmpty() || content != null) {
      throw new IllegalStateException(
          "The content must open a pipelined batch, once (RFC 2920 §3.1)");
    }
    conversation.requireSendable(message);
    this.content = message;
    return this;
  }

  /**
   * Adds {@code QUIT}; RFC 2920 §3.1 makes it the last command of a batch. The connection is closed
   * once its reply is read, as {@link SmtpSession#quit()} does.
   */
  public Pipeline quit() {
    return add(Command.of(SmtpStage.QUIT, "QUIT"));
  }

  /** Adds {@code RSET}. */
  public Pipeline rset() {
    return add(Command.of(SmtpStage.RSET, "RSET"));
  }

  /** Adds {@code NOOP}. */
  public Pipeline noop() {
    return add(Command.of(SmtpStage.NOOP, "NOOP"));
  }

  /**
   * Adds a raw line, sent exactly as given.
   *
   * @throws IllegalArgumentException when the line holds CR, LF or NUL
   */
  public Pipeline command(String rawLine) {
    return add(Command.of(SmtpStage.COMMAND, Wire.requireSafe("Command line", rawLine)));
  }

  /**
   * Sends every command in one write and returns one reply per command, in order; fewer when the
   * server ends the session with {@code 421} part way.
   *
   * @throws IllegalStateException when the pipeline is empty or was already sent
   * @throws SmtpException as {@link SmtpSession} commands do
   */
  public List<SmtpReply> send() {
    if (sent) {
      throw new IllegalStateException("This pipeline was already sent; start a new one");
    }
    if (commands.isEmpty() && content == null) {
      throw new IllegalStateException("Nothing to send: add commands to the pipeline first");
    }
    sent = true;
    return exchange(System.nanoTime());
  }

  /**
   * Writes the content and all commands at once, then reads one reply per command (fewer after a
   * 421), all within one reply timeout from {@code start}. Every line is checked before anything is
   * recorded or sent.
   */
  private List<SmtpReply> exchange(long start) {
    conversation.ensureOpen(SmtpStage.PIPELINE);
    ByteArrayOutputStream batch = new ByteArrayOutputStream(commands.size() * 48);
    if (content != null) {
      batch.writeBytes(content.toWireBytes());
    }
    List<String> notes = new ArrayList<>();
    for (Command command : commands) {
      byte[] bytes = Wire.line(command.line());
      batch.writeBytes(bytes);
      notes.addAll(Wire.limitNotes(command.line(), bytes.length));
    }
    conversation.refuseUnsolicited(SmtpStage.PIPELINE);
    TranscriptLog log = conversation.log();
    if (content != null) {
      log.sentContent(content.content());
    }
    for (String note : notes) {
      log.note(note);
    }
    for (Command command : commands) {
      log.sent(command.shownAs());
    }
    SmtpReply early =
        conversation.write(batch.toByteArray(), SmtpStage.PIPELINE, start, content != null);
    if (early != null) {
      return List.of(early);
    }
    long sentNanos = System.nanoTime();
    if (content != null) {
      conversation.transactionEnded();
    }
    for (Command command : commands) {
      conversation.commandSent(command);
    }
    List<SmtpReply> replies = new ArrayList<>(commands.size() + 1);
    try {
      if (content != null) {
        replies.add(conversation.receive(SmtpStage.CONTENT, start, sentNanos));
      }
      for (Command command : commands) {
        if (!conversation.isOpen()) {
          break;
        }
        replies.add(conversation.receive(command.stage(), start, sentNanos));
      }
    } finally {
      if (!commands.isEmpty() && commands.get(commands.size() - 1).stage() == SmtpStage.QUIT) {
        conversation.quitSent();
      }
    }
    return List.copyOf(replies);
  }

  /** Whether the transaction will be SMTPUTF8 once the commands added so far are sent. */
  private boolean utf8AtEnd() {
    boolean utf8 = conversation.utf8Transaction();
    for (Command command : commands) {
      utf8 = command.utf8After(utf8);
    }
    return utf8;
  }

  private Pipeline add(Command command) {
    if (sent) {
      throw new IllegalStateException("This pipeline was already sent; start a new one");
    }
    SmtpStage last = commands.isEmpty() ? null : commands.get(commands.size() - 1).stage();
    if (last == SmtpStage.DATA || last == SmtpStage.QUIT) {
      throw new IllegalStateException(
          (last == SmtpStage.DATA ? "DATA" : "QUIT")
              + " must be the last command of a pipelined batch (RFC 2920 §3.1)");
    }
    commands.add(command);
    return this;
  }
}
