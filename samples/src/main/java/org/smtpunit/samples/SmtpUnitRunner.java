package org.smtpunit.samples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
 * <p>Exit status: 0 when every check passes (skips allowed), 1 when one fails, 2 for bad usage.
 */
@Command(
    name = "smtpunit",
    mixinStandardHelpOptions = true,
    version = "SmtpUnit 0.1.0",
    description =
        "Runs the telnet SMTP walkthrough (MX lookup, EHLO, MAIL FROM, RCPT TO, DATA, QUIT and the"
            + " step-4 failure replies) against a server. With no target, against an embedded"
            + " server.",
    footer = {
      "",
      "The AUTH password is read from the environment variable SMTPUNIT_AUTH_PASSWORD."
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
  String tls;

  @Option(
      names = "--auth-user",
      paramLabel = "USER",
      description = "User for AUTH; password from SMTPUNIT_AUTH_PASSWORD.")
  String authUser;

  @Option(
      names = "--dns-server",
      paramLabel = "HOST[:PORT]",
      description = "DNS server for MX lookups (default: the machine's).")
  String dnsServer;

  @Option(
      names = "--transcripts",
      paramLabel = "DIR",
      description = "Where session transcripts go (default target/smtpunit).")
  Path transcripts;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "Also write JUnit XML reports there.")
  Path reports;

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

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line, printing to the given streams; returns the exit status. */
  static int run(PrintStream out, PrintStream err, String... args) {
    SmtpUnitRunner runner = new SmtpUnitRunner();
    runner.out = out;
    CommandLine commandLine = new CommandLine(runner);
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

  /** Returns the configuration parameters the options stand for. */
  Map<String, String> configuration() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "smtpunit.target", target);
    put(parameters, "smtpunit.sample.from", from);
    put(parameters, "smtpunit.sample.to", to);
    put(parameters, "smtpunit.mx", mx);
    put(parameters, "smtpunit.tls", tls);
    put(parameters, "smtpunit.auth.username", authUser);
    put(parameters, "smtpunit.dns.server", dnsServer);
    put(
        parameters,
        "smtpunit.transcripts.dir",
        transcripts == null ? null : transcripts.toString());
    parameters.putAll(config);
    return parameters;
  }

  private static void put(Map<String, String> parameters, String key, String value) {
    if (value != null) {
      parameters.put(key, value);
    }
  }

  @Override
  public Integer call() {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(SAMPLES.stream().map(c -> selectClass(c)).toList())
            .configurationParameters(configuration())
            .build();
    ConsoleReport report = new ConsoleReport(out, timings);
    Launcher launcher = LauncherFactory.create();
    if (reports != null) {
      TestExecutionListener xml =
          new LegacyXmlReportGeneratingListener(reports, new PrintWriter(out, true));
      launcher.execute(request, report, xml);
    } else {
      launcher.execute(request, report);
    }
    out.println(report.summary());
    return report.failed() > 0 ? 1 : 0;
  }
}
