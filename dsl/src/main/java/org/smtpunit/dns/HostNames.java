package org.smtpunit.dns;

import java.net.IDN;
import java.util.Objects;
import org.smtpunit.internal.Wire;

/**
 * The one place where host and domain names become what goes on the wire: an internationalized name
 * ({@code bücher.example}) is converted to its A-label form ({@code xn--bcher-kva.example}, RFC
 * 5891) with {@link IDN#toASCII(String)}; an ASCII name or an address literal is returned as it is.
 * {@link Dns} lookups, {@code SmtpClient.open} and the extension's {@code smtpunit.mx} all pass
 * through it.
 *
 * <pre>{@code
 * String wire = HostNames.toAscii("bücher.example"); // "xn--bcher-kva.example"
 * }</pre>
 */
public final class HostNames {

  private HostNames() {}

  /**
   * Returns the A-label form of a host or domain name (a trailing dot is kept).
   *
   * @throws IllegalArgumentException when the name cannot be converted (an invalid label)
   */
  public static String toAscii(String name) {
    Objects.requireNonNull(name, "name");
    // Wire.isAscii, not a stream with a lambda: this runs on every open.
    if (Wire.isAscii(name)) {
      return name;
    }
    try {
      String ascii = IDN.toASCII(name);
      // IDN.toASCII drops nothing but may leave a label over 63 octets: RFC 1035 §2.3.4.
      for (String label : ascii.split("\\.", -1)) {
        if (label.length() > 63) {
          throw new IllegalArgumentException("label longer than 63 octets [" + label + "]");
        }
      }
      return ascii;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a domain name [" + name + "]: no A-label form (" + e.getMessage() + ")", e);
    }
  }
}
