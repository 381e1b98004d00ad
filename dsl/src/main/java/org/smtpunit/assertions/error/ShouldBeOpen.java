package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failure message of {@code ConnectionProbeAssert.isOpen}. */
public final class ShouldBeOpen extends BasicErrorMessageFactory {

  private ShouldBeOpen(String format, Object... arguments) {
    super(format, arguments);
  }

  /** A probe that did not open: the probe and why the connection failed. */
  public static ErrorMessageFactory shouldBeOpen(Object probe, Object failure) {
    return new ShouldBeOpen(
        "%nExpecting the connection probe:%n  %s%nto be open, but it failed with:%n  %s",
        Text.of(probe), Text.of(failure));
  }
}
