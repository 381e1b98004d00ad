package org.smtpunit.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.lifecycle.Startable;

/**
 * The only class that sees Testcontainers, loaded only when {@code @SmtpTarget(container = ...)} is
 * used, so users without Testcontainers never load it.
 */
final class ContainerTarget {

  private ContainerTarget() {}

  static boolean available() {
    try {
      Class.forName(
          "org.testcontainers.containers.ContainerState",
          false,
          ContainerTarget.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Finds the static container field, starts the container if needed, returns host and port. */
  static HostPort resolve(Class<?> testClass, String fieldName, int containerPort) {
    Object value = staticField(testClass, fieldName);
    if (!(value instanceof ContainerState container)) {
      throw new ExtensionConfigurationException(
          "@SmtpTarget(container = \""
              + fieldName
              + "\"): the field holds "
              + (value == null ? "null" : value.getClass().getName())
              + ", not a Testcontainers container (ContainerState)");
    }
    if (!container.isRunning() && container instanceof Startable startable) {
      startable.start();
    }
    return new HostPort(container.getHost(), container.getMappedPort(containerPort));
  }

  private static Object staticField(Class<?> testClass, String name) {
    for (Class<?> type = testClass;
        type != null;
        type = type.getEnclosingClass() != null ? type.getEnclosingClass() : type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        if (!Modifier.isStatic(field.getModifiers())) {
          throw new ExtensionConfigurationException(
              "@SmtpTarget(container = \"" + name + "\"): the field must be static");
        }
        field.setAccessible(true);
        return field.get(null);
      } catch (NoSuchFieldException e) {
        // Look in the enclosing or super class.
      } catch (IllegalAccessException e) {
        throw new ExtensionConfigurationException("Cannot read field " + name, e);
      }
    }
    throw new ExtensionConfigurationException(
        "@SmtpTarget(container = \""
            + name
            + "\"): no static field of that name in "
            + testClass.getName());
  }
}
