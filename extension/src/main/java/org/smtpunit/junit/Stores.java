package org.smtpunit.junit;

import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/** Store access that compiles without warnings and runs on every JUnit from 5.10 to 6.x. */
final class Stores {

  /** The one namespace of the extension's state. */
  static final Namespace NAMESPACE = Namespace.create(Stores.class);

  private Stores() {}

  // getOrComputeIfAbsent is deprecated in JUnit 6, but its replacement computeIfAbsent does not
  // exist before 6.0, and the extension supports JUnit 5.10 and later.
  @SuppressWarnings("deprecation")
  static <K, V> V computeIfAbsent(
      ExtensionContext.Store store, K key, Function<K, V> compute, Class<V> type) {
    return store.getOrComputeIfAbsent(key, compute, type);
  }
}
