package org.smtpunit.junit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.smtpunit.Credentials;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpSession;
import org.smtpunit.Transcript;
import org.smtpunit.dns.MxRecords;

/**
 * The JUnit extension behind {@link SmtpTarget} (and {@link SmtpTargetExtension}): its callbacks.
 * It keeps no state of its own: a test's sessions live in the test method's store, the client and
 * the embedded servers in the outermost test class's store, the parsed configuration in the root
 * store, so it is safe under parallel execution.
 */
class SmtpExtension implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Stores.NAMESPACE;
  private static final Set<Class<?>> TYPES =
      Set.of(
          SmtpSession.class,
          SmtpClient.class,
          MxRecords.class,
          EmbeddedMailServer.class,
          Credentials.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return TYPES.contains(type) || StubTarget.supports(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    TargetSettings settings = settings(context);
    if (StubTarget.supports(type)) {
      return StubTarget.stub(context, declaration(context).persona());
    }
    TargetClient target = targetClient(context, settings);
    boolean stub = declaration(context).stub();
    try {
      if (type == SmtpClient.class) {
        testSessions(context).ifPresent(target::bind);
        return stub
            ? StubTarget.trusting(
                target.client(), StubTarget.stub(context, declaration(context).persona()))
            : target.client();
      }
      if (type == EmbeddedMailServer.class) {
        if (!settings.embedded()) {
          throw new ParameterResolutionException(
              "EmbeddedMailServer is only available when @SmtpTarget names no target, but the target is "
                  + settings.describe());
        }
        return testSessions(context)
            .map(test -> test.server(servers(context)))
            .orElseGet(() -> classServer(context));
      }
      if (type == MxRecords.class) {
        return target.mxRecords(context);
      }
      if (type == Credentials.class) {
        return settings
            .credentials()
            .orElseThrow(() -> new ParameterResolutionException(TargetSettings.NO_CREDENTIALS));
      }
      TestSessions test =
          testSessions(context)
              .orElseThrow(
                  () ->
                      new ParameterResolutionException(
                          "An SmtpSession belongs to one test: declare it on a test method or a"
                              + " @BeforeEach/@AfterEach method, not on "
                              + context.getDisplayName()));
      // Opened outside the store's computeIfAbsent so a connection failure reaches the test as
      // a clear resolution failure; BeforeEach and the test method share one context and session.
      Optional<SmtpSession> open = test.injected();
      if (open.isPresent()) {
        return open.get();
      }
      target.bind(test);
      if (stub) {
        return StubTarget.openSession(
            context, declaration(context).persona(), target.client(), test);
      }
      return target.openSession(context, test, unanswered(context), servers(context));
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
    TestSessions test = context.getStore(NAMESPACE).remove("test", TestSessions.class);
    try {
      if (test != null) {
        targetClient(context, settings(context)).unbind(test);
        List<Transcript> transcripts = test.finish();
        TranscriptPublisher.publish(
            context,
            settings(context).transcriptsDir(),
            transcripts,
            context.getExecutionException().isPresent());
      }
    } finally {
      // After the sessions' QUIT, which the stub answers.
      StubTarget.close(context);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    TestSessions test = context.getStore(NAMESPACE).get("test", TestSessions.class);
    if (test != null) {
      List<Transcript> transcripts = test.transcriptsSoFar();
      for (int i = 0; i < transcripts.size(); i++) {
        failure.addSuppressed(new TranscriptPublisher.SessionTranscript(i, transcripts.get(i)));
      }
    }
    throw failure;
  }

  /** The test's session resources, or empty when resolving for a class (e.g. {@code BeforeAll}). */
  private static Optional<TestSessions> testSessions(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Stores.computeIfAbsent(
            context.getStore(NAMESPACE), "test", k -> new TestSessions(), TestSessions.class));
  }

  /** The client for this class and target, built once. */
  TargetClient targetClient(ExtensionContext context, TargetSettings settings) {
    return Stores.computeIfAbsent(
        outermostClass(context).getStore(NAMESPACE),
        List.of("client", settings),
        k -> new TargetClient(settings, baseClient()),
        TargetClient.class);
  }

  /** The client the settings are applied to; {@link SmtpTargetExtension} passes its own. */
  SmtpClient baseClient() {
    return SmtpClient.defaults();
  }

  private static EmbeddedServers servers(ExtensionContext context) {
    return Stores.computeIfAbsent(
        outermostClass(context).getStore(NAMESPACE),
        "embedded",
        k -> new EmbeddedServers(),
        EmbeddedServers.class);
  }

  /** A server held by the class itself (a {@code BeforeAll} parameter), until the class ends. */
  private static EmbeddedMailServer classServer(ExtensionContext context) {
    EmbeddedServers servers = servers(context);
    return Stores.computeIfAbsent(
            context.getStore(NAMESPACE),
            "class-embedded",
            k -> new ClassLease(servers),
            ClassLease.class)
        .server();
  }

  private static Unanswered unanswered(ExtensionContext context) {
    return Stores.computeIfAbsent(
        context.getRoot().getStore(NAMESPACE),
        Unanswered.class,
        k -> new Unanswered(),
        Unanswered.class);
  }

  /** The top-level class's context, so nested classes share their outer class's servers. */
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

  TargetSettings settings(ExtensionContext context) {
    return declaration(context).settings(context);
  }

  /** The declaration a test follows; {@link SmtpTargetExtension} gives its own. */
  TargetDeclaration declaration(ExtensionContext context) {
    return TargetDeclaration.nearest(context);
  }

  /** A class-level lease of an embedded server, given back when the class ends. */
  static final class ClassLease implements StoredResource {
    private final EmbeddedServers servers;
    private final EmbeddedMailServer server;

    ClassLease(EmbeddedServers servers) {
      this.servers = servers;
      this.server = servers.lease();
    }

    EmbeddedMailServer server() {
      return server;
    }

    @Override
    public void close() {
      servers.release(server);
    }
  }
}
