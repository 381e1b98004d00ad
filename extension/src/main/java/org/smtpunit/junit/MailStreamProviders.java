package org.smtpunit.junit;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's {@link StreamProvider} once, so the embedded server stops looking it up with
 * a {@link java.util.ServiceLoader} for every message it stores.
 *
 * <p>Why: Jakarta Mail 2.1 calls {@code StreamProvider.provider()} each time it parses headers
 * (GreenMail parses every received message twice: once to accept it, once per mailbox), and each
 * call scans the class path for {@code META-INF/services/jakarta.mail.util.StreamProvider}
 * (jakartaee/mail-api#861). That scan was about a third of the embedded server's CPU per
 * transaction. When the system property {@value #PROPERTY} names the provider, Jakarta Mail loads
 * that class directly instead.
 *
 * <p>The property is set only when nobody has set it, only to the provider the normal lookup finds
 * (so nothing changes but the speed), and only when the thread's context class loader loads the
 * same class, since Jakarta Mail loads the named class through that loader.
 */
final class MailStreamProviders {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";

  private MailStreamProviders() {}

  /** Names the provider the service lookup finds, once per JVM; never throws. */
  static synchronized void pin() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Class<?> found = StreamProvider.provider().getClass();
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null && Class.forName(found.getName(), false, context) == found) {
        System.setProperty(PROPERTY, found.getName());
      }
    } catch (RuntimeException | ReflectiveOperationException | LinkageError e) {
      // Without the pin Jakarta Mail keeps its own lookup: slower, never wrong.
    }
  }
}
