package org.smtpunit.junit;

import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.smtpunit.Credentials;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpSession;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.dns.Dns;
import org.smtpunit.dns.MxRecords;

/**
 * The JUnit extension behind {@link SmtpTarget}. It keeps no state of its own: sessions live in the
 * test method's store, the embedded server in the outermost test class's store, the parsed
 * configuration in the root store, so it is safe under parallel execution.
 */
final class SmtpExtension
    implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Namespace.create(SmtpExtension.class);
  private static final Set<Class<?>> TYPES =
      Set.of(
          SmtpSession.class,
          SmtpClient.class,
          MxRecords.class,
          EmbeddedMailServer.class,
          Credentials.class);
  private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return TYPES.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    TargetSettings settings = settings(context);
    try {
      if (type == SmtpClient.class) {
        return client(settings);
      }
      if (type == EmbeddedMailServer.class) {
        if (!settings.embedded()) {
          throw new ParameterResolutionException(
              "EmbeddedMailServer is only available when @SmtpTarget names no target, but the target is "
                  + settings.describe());
        }
        return embedded(context);
      }
      if (type == MxRecords.class) {
        String domain =
            settings
                .mx()
                .orElseThrow(
                    () ->
                        new ParameterResolutionException(
                            "MxRecords needs a domain: set @SmtpTarget(mx = \"fabrikam.com\") or "
                                + TargetSettings.MX));
        return computeIfAbsent(
            store(context), "mx", k -> dns(settings).mx(domain), MxRecords.class);
      }
      if (type == Credentials.class) {
        return settings
            .credentials()
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "Credentials need "
                            + TargetSettings.AUTH_USERNAME
                            + " and "
                            + TargetSettings.AUTH_PASSWORD
                            + " (or the environment variable "
                            + TargetSettings.PASSWORD_VARIABLE
                            + ")"));
      }
      // Opened outside the store's computeIfAbsent so a connection failure reaches the test as
      // a clear resolution failure; BeforeEach and the test method share one context and session.
      OpenSession open = store(context).get("session", OpenSession.class);
      if (open == null) {
        open = new OpenSession(open(settings, context));
        store(context).put("session", open);
      }
      return open.session();
    } catch (SmtpException e) {
      throw new ParameterResolutionException(
          "Could not open an SMTP session to "
              + settings.describe()
              + " for "
              + context.getDisplayName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    OpenSession open = store(context).remove("session", OpenSession.class);
    if (open != null) {
      Transcript transcript = open.finish();
      publish(context, transcript);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    OpenSession open = store(context).get("session", OpenSession.class);
    if (open != null) {
      failure.addSuppressed(new SessionTranscript(open.session().transcript()));
    }
    throw failure;
  }

  private SmtpSession open(TargetSettings settings, ExtensionContext context) {
    SmtpClient client = client(settings);
    if (settings.container().isPresent()) {
      if (!ContainerTarget.available()) {
        throw new ExtensionConfigurationException(
            "@SmtpTarget(container = \""
                + settings.container().get()
                + "\") needs Testcontainers on the"
                + " test classpath (org.testcontainers:testcontainers)");
      }
      TargetSettings.HostPort target =
          ContainerTarget.resolve(
              context.getRequiredTestClass(), settings.container().get(), settings.containerPort());
      return client.open(target.host(), target.port());
    }
    if (settings.mx().isPresent()) {
      MxRecords mx =
          computeIfAbsent(
              store(context), "mx", k -> dns(settings).mx(settings.mx().get()), MxRecords.class);
      return client.open(mx, settings.port());
    }
    if (settings.host().isPresent()) {
      return client.open(settings.host().get(), settings.port());
    }
    EmbeddedMailServer server = embedded(context);
    return client.open(server.host(), server.port());
  }

  private static SmtpClient client(TargetSettings settings) {
    SmtpClient.Builder builder = SmtpClient.builder().tls(settings.tls());
    settings.connectTimeout().ifPresent(builder::connectTimeout);
    settings.replyTimeout().ifPresent(builder::replyTimeout);
    if (settings.trustAny()) {
      builder.trustAnyCertificateInsecurely();
    }
    return builder.build();
  }

  private static Dns dns(TargetSettings settings) {
    return settings
        .dnsServer()
        .map(server -> Dns.builder().server(server.host(), server.port()).build())
        .orElseGet(Dns::systemDefault);
  }

  private static EmbeddedMailServer embedded(ExtensionContext context) {
    ExtensionContext classContext = outermostClass(context);
    return computeIfAbsent(
            store(classContext),
            "embedded",
            k -> new StoredServer(new EmbeddedMailServer()),
            StoredServer.class)
        .server();
  }

  /** The top-level class's context, so nested classes share their outer class's server. */
  private static ExtensionContext outermostClass(ExtensionContext context) {
    ExtensionContext found = context;
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      if (c.get().getTestClass().isPresent() && c.get().getTestMethod().isEmpty()) {
        found = c.get();
      }
    }
    return found;
  }

  private static TargetSettings settings(ExtensionContext context) {
    SmtpTarget annotation = annotation(context);
    // Parsed once per annotation and configuration; the root store is shared by the whole run.
    return computeIfAbsent(
        store(context.getRoot()),
        annotation,
        a -> TargetSettings.of(annotation, context::getConfigurationParameter, System::getenv),
        TargetSettings.class);
  }

  private static SmtpTarget annotation(ExtensionContext context) {
    Optional<SmtpTarget> onMethod = context.getTestMethod().flatMap(m -> find(m));
    if (onMethod.isPresent()) {
      return onMethod.get();
    }
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = type.getEnclosingClass()) {
      Optional<SmtpTarget> onClass = find(type);
      if (onClass.isPresent()) {
        return onClass.get();
      }
    }
    throw new ExtensionConfigurationException("No @SmtpTarget on " + context.getDisplayName());
  }

  private static Optional<SmtpTarget> find(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, SmtpTarget.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }

  // getOrComputeIfAbsent is deprecated in JUnit 6, but its replacement computeIfAbsent does not
  // exist before 6.0, and the extension supports JUnit 5.10 and later.
  @SuppressWarnings("deprecation")
  private static <K, V> V computeIfAbsent(
      ExtensionContext.Store store, K key, Function<K, V> compute, Class<V> type) {
    return store.getOrComputeIfAbsent(key, compute, type);
  }

  private static void publish(ExtensionContext context, Transcript transcript) {
    TargetSettings settings = settings(context);
    String name = context.getRequiredTestMethod().getName();
    Matcher invocation = INVOCATION.matcher(context.getUniqueId());
    if (invocation.find()) {
      name += "-" + invocation.group(1);
    }
    Path file =
        settings
            .transcriptsDir()
            .resolve(context.getRequiredTestClass().getName())
            .resolve(name + ".log");
    try {
      transcript.writeTo(file);
    } catch (UncheckedIOException e) {
      context.publishReportEntry(
          "smtpunit.transcript.error", "Could not write " + file + ": " + e.getMessage());
    }
    context.publishReportEntry("smtpunit.transcript.file", file.toString());
    context.publishReportEntry(
        "smtpunit.transcript", transcript.isEmpty() ? "(empty)" : transcript.toString());
    String timings = StageTimings.of(transcript);
    if (!timings.isEmpty()) {
      context.publishReportEntry("smtpunit.timings", timings);
    }
    TranscriptAttachment.attach(context, file);
  }

  /** The test's session in the store: QUIT and close when the test ends, even if it failed. */
  static final class OpenSession implements StoredResource {
    private final SmtpSession session;
    private Transcript transcript;

    OpenSession(SmtpSession session) {
      this.session = session;
    }

    SmtpSession session() {
      return session;
    }

    /** QUITs if still open, closes, and returns the whole transcript. */
    Transcript finish() {
      if (transcript == null) {
        try {
          // After a 3xx the server is reading message content (354) or an AUTH answer (334):
          // a QUIT would be taken as that and the reply would never come. Close instead.
          if (session.isOpen() && !awaitingMore(session.transcript())) {
            session.quit();
          }
        } catch (SmtpException e) {
          // The test's outcome stands; a server that hangs up on QUIT only shows in the transcript.
        } finally {
          session.close();
          transcript = session.transcript();
        }
      }
      return transcript;
    }

    private static boolean awaitingMore(Transcript transcript) {
      List<TranscriptEntry> entries = transcript.entries();
      for (int i = entries.size() - 1; i >= 0; i--) {
        TranscriptEntry entry = entries.get(i);
        if (entry.direction() == TranscriptEntry.Direction.SENT) {
          return false;
        }
        if (entry.direction() == TranscriptEntry.Direction.RECEIVED) {
          return entry.line().startsWith("3");
        }
      }
      return false;
    }

    @Override
    public void close() {
      finish();
    }
  }

  /** The embedded server in the class's store, stopped when the class ends on every JUnit. */
  record StoredServer(EmbeddedMailServer server) implements StoredResource {
    @Override
    public void close() {
      server.close();
    }
  }

  /** Carries a session's transcript into the failure output, as a suppressed exception. */
  static final class SessionTranscript extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionTranscript(Transcript transcript) {
      super("SMTP transcript of the test's session:\n" + transcript, null, false, false);
    }
  }
}
