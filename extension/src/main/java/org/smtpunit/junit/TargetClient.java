package org.smtpunit.junit;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.smtpunit.AuthMechanism;
import org.smtpunit.ConnectFailure;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.SmtpTimeoutException;
import org.smtpunit.dns.Dns;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.internal.Durations;

/**
 * The {@link SmtpClient} of one test class and target, built once and kept in the class's store.
 * Every session it opens is handed to the test that runs on the opening thread, so sessions a test
 * opens itself from the injected client get transcripts too.
 */
final class TargetClient {

  private final TargetSettings settings;
  private final SmtpClient client;
  private final ThreadLocal<TestSessions> current = new ThreadLocal<>();
  private final Set<TestSessions> active = ConcurrentHashMap.newKeySet();

  TargetClient(TargetSettings settings, SmtpClient base) {
    this.settings = settings;
    SmtpClient.Builder builder = base.toBuilder().tls(settings.tls());
    settings.connectTimeout().ifPresent(builder::connectTimeout);
    settings.replyTimeout().ifPresent(builder::replyTimeout);
    settings.trust().applyTo(builder);
    this.client = builder.onOpen(this::opened).build();
  }

  SmtpClient client() {
    return client;
  }

  /** Sessions opened on this thread from now on belong to the test. */
  void bind(TestSessions test) {
    current.set(test);
    active.add(test);
  }

  void unbind(TestSessions test) {
    if (current.get() == test) {
      current.remove();
    }
    active.remove(test);
  }

  private void opened(SmtpSession session) {
    TestSessions test = current.get();
    if (test == null && active.size() == 1) {
      // A session opened on another thread (e.g. assertTimeoutPreemptively) while one test runs.
      test = active.iterator().next();
    }
    if (test != null) {
      test.add(session);
    }
  }

  /** Opens the test's injected session: greeting read, authenticated when configured. */
  SmtpSession openSession(
      ExtensionContext context, TestSessions test, Unanswered unanswered, EmbeddedServers pool) {
    String target = settings.describe();
    Optional<String> silent = unanswered.why(target);
    if (silent.isPresent()) {
      throw new ParameterResolutionException(
          "Not connecting to " + target + " for " + context.getDisplayName() + ": " + silent.get());
    }
    SmtpSession session;
    try {
      session = connect(context, test, pool);
    } catch (SmtpTimeoutException | SmtpConnectException e) {
      if (!(e instanceof SmtpConnectException c) || c.failure() == ConnectFailure.TIMED_OUT) {
        unanswered.record(
            target,
            "it did not answer within "
                + Durations.format(
                    e instanceof SmtpTimeoutException
                        ? client.replyTimeout()
                        : client.connectTimeout())
                + " earlier in this run ("
                + context.getDisplayName()
                + "), so later sessions fail at once");
      }
      throw e;
    }
    test.inject(session);
    if (settings.authenticateSessions()) {
      authenticate(session);
    }
    return session;
  }

  private SmtpSession connect(ExtensionContext context, TestSessions test, EmbeddedServers pool) {
    if (settings.container().isPresent()) {
      if (!ContainerTarget.available()) {
        throw new ExtensionConfigurationException(
            "@SmtpTarget(container = \""
                + settings.container().get()
                + "\") needs Testcontainers on the"
                + " test classpath (org.testcontainers:testcontainers)");
      }
      HostPort target =
          ContainerTarget.resolve(
              context.getRequiredTestClass(), settings.container().get(), settings.containerPort());
      return client.open(target.host(), target.port());
    }
    if (settings.mx().isPresent()) {
      return client.open(mxRecords(context), settings.port());
    }
    if (settings.host().isPresent()) {
      return client.open(settings.host().get(), settings.port());
    }
    EmbeddedMailServer server = test.server(pool);
    return client.open(server.host(), server.port());
  }

  /** The MX records of the configured domain, looked up once per test. */
  MxRecords mxRecords(ExtensionContext context) {
    String domain =
        settings
            .mx()
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "MxRecords needs a domain: set @SmtpTarget(mx = \"fabrikam.com\") or "
                            + SmtpTarget.MX_PROPERTY_NAME));
    return Stores.computeIfAbsent(
        context.getStore(Stores.NAMESPACE), "mx", k -> dns().mx(domain), MxRecords.class);
  }

  private Dns dns() {
    return settings
        .dnsServer()
        .map(server -> Dns.builder().server(server.host(), server.port()).build())
        .orElseGet(Dns::systemDefault);
  }

  private void authenticate(SmtpSession session) {
    EhloReply ehlo = session.ehlo(client.clientDomain());
    // Credentials only over TLS: without a TLS mode, upgrade where the server offers it.
    if (session.tls().isEmpty()
        && ehlo.supports("STARTTLS")
        && session.startTls().isPositiveCompletion()) {
      ehlo = session.ehlo(client.clientDomain());
    }
    AuthMechanism mechanism =
        ehlo.authMechanisms().contains("PLAIN") || !ehlo.authMechanisms().contains("LOGIN")
            ? AuthMechanism.PLAIN
            : AuthMechanism.LOGIN;
    SmtpReply reply;
    try {
      reply = session.auth(mechanism, settings.credentials().orElseThrow());
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(
          "Could not authenticate the session to "
              + settings.describe()
              + " ("
              + SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME
              + "=true): "
              + e.getMessage(),
          e);
    }
    if (reply.code() != 235) {
      throw new ParameterResolutionException(
          "Could not authenticate the session to "
              + settings.describe()
              + " ("
              + SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME
              + "=true) with AUTH "
              + mechanism
              + ": the server replied ["
              + reply
              + "]; EHLO offered "
              + (ehlo.authMechanisms().isEmpty()
                  ? "no AUTH (does the port need STARTTLS first? --tls starttls)"
                  : "AUTH " + String.join(" ", ehlo.authMechanisms())));
    }
  }
}
