package org.smtpunit.stub;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * One scripted answer: for a verb, optionally only when the argument matches, a reply or a fault; a
 * once-only rule is spent by its first use.
 */
final class Rule {

  private final SmtpVerb verb;
  private final Optional<Pattern> argument;
  private final Optional<String> reply;
  private final Optional<Fault> fault;
  private final boolean once;
  private final AtomicBoolean spent = new AtomicBoolean();

  Rule(
      SmtpVerb verb,
      Optional<Pattern> argument,
      Optional<String> reply,
      Optional<Fault> fault,
      boolean once) {
    this.verb = verb;
    this.argument = argument;
    this.reply = reply;
    this.fault = fault;
    this.once = once;
  }

  /** Returns whether the rule answers this command, spending a once-only rule if so. */
  boolean claims(SmtpVerb verb, String argument) {
    if (this.verb != verb || (once && spent.get())) {
      return false;
    }
    if (this.argument.isPresent() && !this.argument.get().matcher(argument).find()) {
      return false;
    }
    return !once || spent.compareAndSet(false, true);
  }

  Optional<String> reply() {
    return reply;
  }

  Optional<Fault> fault() {
    return fault;
  }
}
