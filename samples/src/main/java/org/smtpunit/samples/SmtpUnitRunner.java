package org.smtpunit.samples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.smtpunit.TlsMode;
import org.smtpunit.junit.SmtpTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The walkthrough as a command: runs the sample suite through the JUnit Platform Launcher against a
 * server (or the embedded one) and prints each check as it runs.
 *
 * <pre>
 * java -jar samples/target/smtpunit.jar
 * java -jar samples/target/smtpunit.jar --target mail1.fabrikam.com --from chris@contoso.com --to kate@fabrikam.com
 * </pre>
 *
 * <p>Exit status: 0 when every check passes (skips allowed), 1 when one fails, 2 for bad usage or
 * configuration (one message, before any check runs).
 */
@Command(
    name = "smtpunit",
    mixinStandardHelpOptions = true,
    versionProvider = SmtpUnitRunner.ManifestVersion.class,
    description =
        "Runs the telnet SMTP walkthrough (MX lookup, EHLO, MAIL FROM, RCPT TO, DATA, QUIT and the"
            + " step-4 failure replies) against a server. With no target, against an embedded"
            + " server.",
    footer = {
      "",
      "The AUTH password is read from the environment variable SMTPUNIT_AUTH_PASSWORD (or"
          + " --auth-password-file); a trust store's from SMTPUNIT_TRUST_STORE_PASSWORD. Secrets"
          + " are refused on the command line. Files are written only where --transcripts and"
          + " --reports say (transcripts otherwise go to a temporary directory, named at the end)."
    })
public final class SmtpUnitRunner implements Callable<Integer> {

  /** The sample suite, in the walkthrough's order. */
  static final List<Class<?>> SAMPLES =
      List.of(
          Step2MxLookupTest.class,
          Step3ConversationTest.class,
          Step4ReplyCodesTest.class,
          DeliveryNotificationTest.class,
          RecipientMatrixTest.class);

  @Option(
      names = "--target",
      paramLabel = "HOST[:PORT]",
      description = "The SMTP server (default: embedded).")
  String target;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      description = "Sender (default chris@contoso.com).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS",
      description = "A recipient the server must accept (default kate@fabrikam.com).")
  String to;

  @Option(
      names = "--mx",
      paramLabel = "DOMAIN",
      description = "Look up the domain's MX records (step 2) and connect by MX.")
  String mx;

  @Option(
      names = "--tls",
      paramLabel = "MODE",
      description = "none, starttls, starttls_if_offered or implicit.")
  TlsMode tls;

  @Option(
      names = "--trust-cert",
      paramLabel = "FILE",
      description = "Trust the certificate(s) in this PEM file (repeatable).")
  List<Path> trustCerts = new ArrayList<>();

  @Option(
      names = "--trust-store",
      paramLabel = "FILE",
      description = "Trust a PKCS12 or JKS store (password: SMTPUNIT_TRUST_STORE_PASSWORD).")
  Path trustStore;

  @Option(
      names = "--tls-host-name",
      paramLabel = "NAME",
      description = "The name the certificate must match (when the target is an IP address).")
  String tlsHostName;

  @Option(
      names = "--insecure",
      description = "Trust any certificate (lab servers only; every transcript says so).")
  boolean insecure;

  @Option(
      names = "--ehlo",
      paramLabel = "NAME",
      description =
          "The EHLO name of every session (default contoso.com; localhost for the"
              + " client's own EHLO under STARTTLS).")
  String ehlo;

  @Option(
      names = "--auth-user",
      paramLabel = "USER",
      description =
          "Authenticate every session to the target (after STARTTLS with --tls); password from"
              + " SMTPUNIT_AUTH_PASSWORD or --auth-password-file.")
  String authUser;

  @Option(
      names = "--auth-password-file",
      paramLabel = "FILE",
      description = "Read the AUTH password from the first line of this file.")
  Path authPasswordFile;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Connect and reply timeout: 20s, 1.5s, 500ms, 2m (default 20s / 30s).")
  String timeout;

  @Option(
      names = "--dns-server",
      paramLabel = "HOST[:PORT]",
      description = "DNS server for MX lookups (default: the machine's).")
  String dnsServer;

  @Option(
      names = "--transcripts",
      paramLabel = "DIR",
      description = "Where session transcripts go (default: a new temporary directory).")
  Path transcripts;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "Also write JUnit XML reports there.")
  Path reports;

  @Option(
      names = "--checks",
      paramLabel = "SUITE",
      description =
          "security: open relay, SMTP smuggling, STARTTLS, VRFY/EXPN, reverse DNS, SPF,"
              + " DMARC, MTA-STS and DANE instead of the walkthrough.")
  CheckSuite checks;

  /** The suites {@code --checks} can run instead of the walkthrough. */
  enum CheckSuite {
    SECURITY
  }

  @Option(
      names = "--timings",
      description = "Print how long each stage took (greeting, EHLO, MAIL FROM, ...) per check.")
  boolean timings;

  @Option(
      names = "--config",
      paramLabel = "KEY=VALUE",
      description = "Any other configuration parameter, e.g. smtpunit.sample.dsn.dir=DIR.")
  Map<String, String> config = new LinkedHashMap<>();

  private PrintStream out = System.out;
  private PrintStream err = System.err;
  private Function<String, String> env = System::getenv;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line, printing to the given streams; returns the exit status. */
  static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, System::getenv, args);
  }

  static int run(PrintStream out, PrintStream err, Function<String, String> env, String... args) {
    SmtpUnitRunner runner = new SmtpUnitRunner();
    runner.out = out;
    runner.err = err;
    runner.env = env;
    CommandLine commandLine = new CommandLine(runner);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    // Bad usage is exit 2 with a message and the usage, never a stack trace.
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          err.println("smtpunit: " + e.getMessage());
          e.getCommandLine().usage(err);
          return 2;
        });
    return commandLine.execute(args);
  }

  /** Returns the configuration parameters the options stand for, checked. */
  Map<String, String> configuration() {
    RunConfiguration run = new RunConfiguration(env);
    run.putHostPort("--target", SmtpTarget.TARGET_PROPERTY_NAME, target, 25);
    run.put("smtpunit.sample.from", from);
    run.put("smtpunit.sample.to", to);
    run.put(SmtpTarget.MX_PROPERTY_NAME, mx);
    run.put(SmtpTarget.TLS_PROPERTY_NAME, tls == null ? null : tls.name());
    if (!trustCerts.isEmpty()) {
      run.put(
          SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
          String.join(",", trustCerts.stream().map(Path::toString).toList()));
    }
    run.put(
        SmtpTarget.TLS_TRUST_STORE_PROPERTY_NAME,
        trustStore == null ? null : trustStore.toString());
    run.put(SmtpTarget.TLS_HOST_NAME_PROPERTY_NAME, tlsHostName);
    run.put(SmtpTarget.TLS_TRUST_ANY_PROPERTY_NAME, insecure ? "true" : null);
    run.put(SmtpTarget.EHLO_PROPERTY_NAME, ehlo);
    run.put("smtpunit.sample.helo", ehlo);
    run.putTimeout(timeout);
    run.putHostPort("--dns-server", SmtpTarget.DNS_SERVER_PROPERTY_NAME, dnsServer, 53);
    run.put(
        SmtpTarget.TRANSCRIPTS_DIR_PROPERTY_NAME,
        transcripts == null ? null : transcripts.toString());
    run.putAll(config);
    run.putAuthentication(authUser, authPasswordFile);
    run.check();
    return run.parameters();
  }

  /** The classes {@code --checks} names, else the walkthrough. */
  List<Class<?>> suite() {
    return checks == CheckSuite.SECURITY ? List.of(SecurityChecksTest.class) : SAMPLES;
  }

  @Override
  public Integer call() {
    Map<String, String> parameters;
    try {
      parameters = configuration();
    } catch (UsageException e) {
      err.println("smtpunit: " + e.getMessage());
      return 2;
    }
    return SuiteRun.execute(out, suite(), parameters, timings, reports);
  }

  /** {@code --version}: the jar's version, from its manifest. */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SmtpUnitRunner.class.getPackage().getImplementationVersion();
      return new String[] {
        "SmtpUnit " + (version == null ? "(version unknown: not run from the jar)" : version)
      };
    }
  }
}
