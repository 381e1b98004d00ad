package org.smtpunit.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.smtpunit.stub.Persona;

/**
 * The {@link SmtpTarget} that applies to a test (the nearest annotation, or the one {@link
 * SmtpTargetExtension} builds in code) and what the extension reads of it. Keeping it here lets the
 * extension that {@code @SmtpTarget} registers work without referring back to the annotation.
 *
 * @param annotation the declaration
 */
record TargetDeclaration(SmtpTarget annotation) {

  /** The annotation on the test method, else on its class or the nearest enclosing class. */
  static TargetDeclaration nearest(ExtensionContext context) {
    Optional<SmtpTarget> onMethod = context.getTestMethod().flatMap(m -> find(m));
    if (onMethod.isPresent()) {
      return new TargetDeclaration(onMethod.get());
    }
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = type.getEnclosingClass()) {
      Optional<SmtpTarget> onClass = find(type);
      if (onClass.isPresent()) {
        return new TargetDeclaration(onClass.get());
      }
    }
    throw new ExtensionConfigurationException("No @SmtpTarget on " + context.getDisplayName());
  }

  private static Optional<SmtpTarget> find(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, SmtpTarget.class);
  }

  /** The declaration merged with the configuration parameters, parsed once per run. */
  TargetSettings settings(ExtensionContext context) {
    Function<String, Optional<String>> config = context::getConfigurationParameter;
    // Parsed once per annotation and configuration; the root store is shared by the whole run.
    return Stores.computeIfAbsent(
        context.getRoot().getStore(Stores.NAMESPACE),
        annotation,
        a -> TargetSettings.of(annotation, config, System::getenv),
        TargetSettings.class);
  }

  /** Whether the test talks to an {@code SmtpStub}. */
  boolean stub() {
    return annotation.stub();
  }

  /** How the stub behaves. */
  Persona persona() {
    return annotation.persona();
  }
}
