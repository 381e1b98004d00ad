package org.smtpunit;

import java.util.Objects;
import org.smtpunit.internal.Wire;

/** Builds the MAIL and RCPT commands sent by the session and by a pipeline, validating them. */
final class Commands {

  private Commands() {}

  private static boolean asksForSmtpUtf8(MailParameter... params) {
    for (MailParameter param : params) {
      if (Objects.requireNonNull(param, "parameter").keyword().equalsIgnoreCase("SMTPUTF8")) {
        return true;
      }
    }
    return false;
  }

  static Command mailFrom(String address, MailParameter... params) {
    boolean utf8 = asksForSmtpUtf8(params);
    StringBuilder line = new StringBuilder("MAIL FROM:<");
    line.append(address(address, utf8, "MAIL FROM")).append('>');
    for (MailParameter param : params) {
      line.append(' ').append(param);
    }
    String text = line.toString();
    return new Command(SmtpStage.MAIL, text, text, utf8);
  }

  /** Builds RCPT TO; {@code utf8} says whether the transaction's MAIL asked for SMTPUTF8. */
  static Command rcptTo(String address, boolean utf8, RcptParameter... params) {
    StringBuilder line = new StringBuilder("RCPT TO:<");
    line.append(address(address, utf8, "RCPT TO")).append('>');
    for (RcptParameter param : params) {
      line.append(' ').append(Objects.requireNonNull(param, "parameter"));
    }
    return Command.of(SmtpStage.RCPT, line.toString());
  }

  private static String address(String given, boolean utf8, String command) {
    boolean ascii = Wire.requireNoControls(command + " address", given);
    String address = unbracketed(given);
    if (!utf8 && !ascii) {
      throw new IllegalArgumentException(
          command
              + " address ["
              + address
              + "] holds non-ASCII characters: send MAIL FROM with MailParameter.smtpUtf8()"
              + " (RFC 6531) to use them; nothing was sent");
    }
    return address;
  }

  /**
   * Accepts one pair of enclosing angle brackets, as users paste paths from the walkthrough ({@code
   * <kate@fabrikam.com>}), so that the path is sent with one pair, never {@code <<...>>}.
   */
  static String unbracketed(String address) {
    return address.length() >= 2 && address.startsWith("<") && address.endsWith(">")
        ? address.substring(1, address.length() - 1)
        : address;
  }
}
