package org.smtpunit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the extension puts in an {@link ExtensionContext.Store} when it must be closed: JUnit 5.13
 * and later close {@link AutoCloseable} values, JUnit 5.10-5.12 only {@code CloseableResource}
 * ones, so it implements both (and is closed once on every version).
 */
// CloseableResource is deprecated since JUnit 5.13, but it is the only type 5.10-5.12 close.
@SuppressWarnings("deprecation")
interface StoredResource extends AutoCloseable, ExtensionContext.Store.CloseableResource {

  /** Releases the resource; never throws, so one failure cannot hide the test's outcome. */
  @Override
  void close();
}
