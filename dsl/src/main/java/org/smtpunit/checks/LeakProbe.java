package org.smtpunit.checks;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;

/** VRFY and EXPN: does the server tell a real address from a made-up one? */
final class LeakProbe {

  private LeakProbe() {}

  static LeakCheck run(
      String command, String argument, Supplier<SmtpSession> opener, String clientDomain) {
    if (argument == null
        || argument.isBlank()
        || !argument.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          command
              + " argument must be printable ASCII without spaces, CR, LF or NUL ["
              + argument
              + "]; nothing was sent");
    }
    String madeUp = madeUp(argument);
    Optional<SmtpReply> real = Optional.empty();
    try (SmtpSession smtp = opener.get()) {
      smtp.ehlo(clientDomain);
      SmtpReply reply = smtp.command(command + " " + argument);
      real = Optional.of(reply);
      SmtpReply other = smtp.command(command + " " + madeUp);
      ProbeEndings.politeEnd(smtp);
      return judge(command, argument, madeUp, reply, other, smtp);
    } catch (SmtpException e) {
      return new LeakCheck(
          command,
          argument,
          madeUp,
          real,
          Optional.empty(),
          false,
          true,
          ProbeEndings.broke(e),
          e.transcript());
    }
  }

  private static LeakCheck judge(
      String command,
      String argument,
      String madeUp,
      SmtpReply reply,
      SmtpReply other,
      SmtpSession smtp) {
    String local = argument.contains("@") ? argument.substring(0, argument.indexOf('@')) : argument;
    boolean names =
        (reply.code() == 250 || reply.code() == 251)
            && reply.text().toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT));
    boolean distinguishes = reply.isPositiveCompletion() && other.isPermanentNegative();
    boolean leaks = names || distinguishes;
    boolean inconclusive = !leaks && (reply.isTransientNegative() || other.isTransientNegative());
    String reason =
        leaks
            ? command
                + " "
                + argument
                + " got ["
                + reply
                + "] while made-up "
                + madeUp
                + " got ["
                + other
                + "]: "
                + (names
                    ? "the reply names the address"
                    : "the replies tell a real address from a made-up one")
            : inconclusive
                ? "a temporary failure leaves it unknown: [" + reply + "] and [" + other + "]"
                : command
                    + " "
                    + argument
                    + " got ["
                    + reply
                    + "], made-up "
                    + madeUp
                    + " got ["
                    + other
                    + "]: no difference that names an address";
    return new LeakCheck(
        command,
        argument,
        madeUp,
        Optional.of(reply),
        Optional.of(other),
        leaks,
        inconclusive,
        reason,
        smtp.transcript());
  }

  /** A random address in the same domain that no one has. */
  private static String madeUp(String argument) {
    String random =
        "smtpunit-nobody-"
            + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    int at = argument.indexOf('@');
    return at < 0 ? random : random + argument.substring(at);
  }
}
