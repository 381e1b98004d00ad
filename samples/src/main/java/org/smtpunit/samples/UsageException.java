package org.smtpunit.samples;

/** A usage or configuration error of the runner: exit status 2 with its one-line message. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
