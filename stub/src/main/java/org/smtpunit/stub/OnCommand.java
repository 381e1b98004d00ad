package org.smtpunit.stub;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule being written after {@link SmtpStub#on(SmtpVerb)}: narrow it with {@link #matching},
 * then finish it with {@link #reply}, {@link #replyOnce} or {@link #fault}, which add it to the
 * stub and return the stub. Later rules win over earlier ones.
 *
 * <pre>{@code
 * stub.on(SmtpVerb.RCPT).matching("nobody@.*").reply("550 5.1.1 User unknown")
 *     .on(SmtpVerb.RCPT).matching("full@.*").replyOnce("452 4.2.2 Mailbox full");
 * }</pre>
 */
public final class OnCommand {

  private final SmtpStub stub;
  private final SmtpVerb verb;
  private Optional<Pattern> argument = Optional.empty();

  OnCommand(SmtpStub stub, SmtpVerb verb) {
    this.stub = Objects.requireNonNull(stub, "stub");
    this.verb = Objects.requireNonNull(verb, "verb");
  }

  /**
   * Applies the rule only when the regular expression is found in the command's argument
   * (case-insensitive): what follows {@code MAIL FROM:} / {@code RCPT TO:} (angle brackets and
   * parameters included), else what follows the verb.
   *
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid expression
   */
  public OnCommand matching(String regex) {
    argument = Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    return this;
  }

  /**
   * Answers with this reply as it goes on the wire, code included, lines separated by {@code \n}
   * ({@code "550 5.1.1 User unknown"}, {@code "250-first\n250 last"}); written in one write.
   *
   * @throws IllegalArgumentException when the reply is empty or holds a CR or NUL
   */
  public SmtpStub reply(String reply) {
    return stub.add(new Rule(verb, argument, Optional.of(wire(reply)), Optional.empty(), false));
  }

  /**
   * Like {@link #reply(String)}, for the first matching command only.
   *
   * @throws IllegalArgumentException when the reply is empty or holds a CR or NUL
   */
  public SmtpStub replyOnce(String reply) {
    return stub.add(new Rule(verb, argument, Optional.of(wire(reply)), Optional.empty(), true));
  }

  /** Misbehaves this way at every matching command. */
  public SmtpStub fault(Fault fault) {
    return stub.add(
        new Rule(
            verb, argument, Optional.empty(), Optional.of(Objects.requireNonNull(fault)), false));
  }

  static String wire(String reply) {
    Objects.requireNonNull(reply, "reply");
    if (reply.isEmpty() || reply.indexOf('\r') >= 0 || reply.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "A reply is its lines separated by \\n, with no CR or NUL, but was ["
              + reply.replace("\r", "\\r").replace("\0", "\\0")
              + "]");
    }
    return reply;
  }
}
