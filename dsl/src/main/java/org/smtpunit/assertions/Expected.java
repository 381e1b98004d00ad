package org.smtpunit.assertions;

/** Checks the expected value an assertion method receives, before anything is compared. */
final class Expected {

  private Expected() {}

  /**
   * Returns the value, refusing null: a null expected value is a mistake in the test, never
   * something to compare.
   *
   * @throws IllegalArgumentException when {@code value} is null, naming {@code what}
   */
  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("The expected " + what + " must not be null");
    }
    return value;
  }
}
