package org.smtpunit.stub;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
 *
 * @param <S> what the finishing methods return: the {@link SmtpStub} the rule is added to, so the
 *     chain goes on (generic so that this type needs no knowledge of the stub)
 */
public final class OnCommand<S> {

  private final SmtpVerb verb;
  private final Consumer<Rule> rules;
  private final S stub;
  private Optional<Pattern> argument = Optional.empty();

  /**
   * Writes a rule for the verb, handed to {@code rules} when finished; then returns {@code stub}.
   */
  OnCommand(SmtpVerb verb, Consumer<Rule> rules, S stub) {
    this.verb = Objects.requireNonNull(verb, "verb");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.stub = Objects.requireNonNull(stub, "stub");
  }

  /**
   * Applies the rule only when the regular expression is found in the command's argument
   * (case-insensitive): what follows {@code MAIL FROM:} / {@code RCPT TO:} (angle brackets and
   * parameters included), else what follows the verb.
   *
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid expression
   */
  public OnCommand<S> matching(String regex) {
    argument = Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    return this;
  }

  /**
   * Answers with this reply as it goes on the wire, code included, lines separated by {@code \n}
   * ({@code "550 5.1.1 User unknown"}, {@code "250-first\n250 last"}); written in one write.
   *
   * @throws IllegalArgumentException when the reply is empty or holds a CR or NUL
   */
  public S reply(String reply) {
    return add(Optional.of(wire(reply)), Optional.empty(), false);
  }

  /**
   * Like {@link #reply(String)}, for the first matching command only.
   *
   * @throws IllegalArgumentException when the reply is empty or holds a CR or NUL
   */
  public S replyOnce(String reply) {
    return add(Optional.of(wire(reply)), Optional.empty(), true);
  }

  /** Misbehaves this way at every matching command. */
  public S fault(Fault fault) {
    return add(Optional.empty(), Optional.of(Objects.requireNonNull(fault)), false);
  }

  private S add(Optional<String> reply, Optional<Fault> fault, boolean once) {
    rules.accept(new Rule(verb, argument, reply, fault, once));
    return stub;
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
