package org.smtpunit.internal;

import java.util.List;

/**
 * The TLS (and SSL) protocol versions in the order of their age, as the JDK names them, to compare
 * a negotiated version with a minimum.
 *
 * <pre>{@code
 * TlsVersions.isAtLeast("TLSv1.3", "TLSv1.2");   // true
 * }</pre>
 */
public final class TlsVersions {

  /** The versions, oldest first. */
  public static final List<String> OLDEST_FIRST =
      List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private TlsVersions() {}

  /**
   * Returns whether {@code version} is {@code minimum} or newer; an unknown version is older than
   * every known one.
   *
   * @throws IllegalArgumentException when {@code minimum} is not a known version
   */
  public static boolean isAtLeast(String version, String minimum) {
    return OLDEST_FIRST.indexOf(version) >= rank(minimum);
  }

  /**
   * Returns the position of a known version, 0 for the oldest.
   *
   * @throws IllegalArgumentException naming the version and the known ones
   */
  public static int rank(String version) {
    int rank = OLDEST_FIRST.indexOf(version);
    if (rank < 0) {
      throw new IllegalArgumentException(
          "Unknown TLS protocol [" + version + "]: expected one of " + OLDEST_FIRST);
    }
    return rank;
  }
}
