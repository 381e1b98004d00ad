package org.smtpunit.stub;

/**
 * How much of a client's input a {@link SmtpStub} keeps, so that a client sending an endless line
 * or endless content costs it no more memory than this: the longest command line and the largest
 * message. Checked on construction, so a builder call with a bad value fails at once.
 *
 * @param maxLineLength the most bytes of a command line it keeps; a longer one gets the persona's
 *     "line too long" reply
 * @param maxMessageSize the most bytes of a message it keeps; a larger one is refused after its
 *     final dot
 */
record StubLimits(int maxLineLength, long maxMessageSize) {

  /** 4096-byte command lines and 64 MiB messages. */
  static final StubLimits DEFAULTS = new StubLimits(4096, 64L * 1024 * 1024);

  /**
   * Checks both limits.
   *
   * @throws IllegalArgumentException when a limit is not positive
   */
  StubLimits {
    if (maxLineLength <= 0) {
      throw new IllegalArgumentException("maxLineLength must be positive, was " + maxLineLength);
    }
    if (maxMessageSize <= 0) {
      throw new IllegalArgumentException("maxMessageSize must be positive, was " + maxMessageSize);
    }
  }
}
