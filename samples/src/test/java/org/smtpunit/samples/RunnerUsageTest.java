package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpunit.testserver.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/** The runner's usage and configuration errors: exit 2, one message, before any connection. */
class RunnerUsageTest {

  @TempDir Path dir;
  private ScriptedSmtpServer server;

  @BeforeEach
  void start() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record Result(int status, String out, String err) {}

  static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        SmtpUnitRunner.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env::get,
            args);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result runAgainstServer(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("--target", "127.0.0.1:" + server.port()));
    all.addAll(List.of("--transcripts", dir.resolve("t").toString()));
    all.addAll(List.of(args));
    return run(env, all.toArray(String[]::new));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--config smtpunit.timeout.reply=abc | smtpunit: Invalid SmtpUnit configuration"
            + " smtpunit.timeout.reply=[abc]: expected a positive duration such as 20s, 500ms, 2m or"
            + " PT20S",
        "--timeout soon | smtpunit: Invalid SmtpUnit configuration --timeout=[soon]: expected a"
            + " positive duration such as 20s, 500ms, 2m or PT20S",
        "--config smtpunit.target=127.0.0.1:25:26 | smtpunit: Invalid SmtpUnit configuration"
            + " smtpunit.target=[127.0.0.1:25:26]: expected host, host:port or [IPv6]:port",
        "--auth-user chris@contoso.com | smtpunit: --auth-user chris@contoso.com needs a password:"
            + " set the environment variable SMTPUNIT_AUTH_PASSWORD or use --auth-password-file"
            + " FILE",
        "--config smtpunit.auth.password=S3cret-Pa55! | smtpunit: refusing smtpunit.auth.password"
            + " on the command line: it would show in process lists and in the reports'"
            + " sun.java.command; use SMTPUNIT_AUTH_PASSWORD or --auth-password-file FILE",
        "--dns-server 127.0.0.1:0 | smtpunit: Invalid SmtpUnit configuration"
            + " --dns-server=[127.0.0.1:0]: expected a port from 1 to 65535"
      })
  void a_configuration_error_exits_2_with_one_message_before_any_connection(
      String args, String message) {
    Result result = runAgainstServer(Map.of(), args.split(" "));

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(message + System.lineSeparator());
    assertThat(result.out()).doesNotContain("PASS").doesNotContain("FAIL");
    assertThat(result.err() + result.out()).doesNotContain("S3cret-Pa55!");
    assertThat(server.conversations()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--tls bogus | smtpunit: Invalid value for option '--tls': expected one of [NONE,"
            + " STARTTLS, STARTTLS_IF_OFFERED, IMPLICIT] (case-insensitive) but was 'bogus'",
        "--target 127.0.0.1:99999 | smtpunit: Invalid SmtpUnit configuration"
            + " --target=[127.0.0.1:99999]: expected a port from 1 to 65535"
      })
  void a_malformed_option_exits_2_before_any_connection(String args, String firstLine) {
    List<String> all = new ArrayList<>(List.of(args.split(" ")));
    Result result = run(Map.of(), all.toArray(String[]::new));

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err().lines().findFirst()).hasValue(firstLine);
    assertThat(result.out()).doesNotContain("PASS");
    assertThat(server.conversations()).isEmpty();
  }

  @Test
  void a_malformed_recipients_line_is_a_usage_error_naming_file_and_line() throws IOException {
    Path csv = dir.resolve("recipients.csv");
    Files.writeString(csv, "address,expected\nkate@fabrikam.com,250\nnobody@fabrikam.com\n");

    Result result = runAgainstServer(Map.of(), "--config", "smtpunit.sample.recipients=" + csv);

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "smtpunit: "
                + csv
                + " line 3: expected address,expected (a reply class such as 2xx or a code such as"
                + " 550), got [nobody@fabrikam.com]"
                + System.lineSeparator());
    assertThat(server.conversations()).isEmpty();
  }

  @Test
  void a_recipients_file_may_start_with_a_header_row() throws IOException {
    Path csv = dir.resolve("recipients.csv");
    Files.writeString(csv, "address,expected\nkate@fabrikam.com,250\nnobody@fabrikam.com,5xx\n");

    Result result = runAgainstServer(Map.of(), "--config", "smtpunit.sample.recipients=" + csv);

    assertThat(result.out())
        .contains(
            "PASS    RecipientMatrixTest > each_recipient_gets_its_reply > RCPT TO:<kate@fabrikam.com> gets 250")
        .contains(
            "PASS    RecipientMatrixTest > each_recipient_gets_its_reply > RCPT TO:<nobody@fabrikam.com> gets 5xx");
  }

  @Test
  void the_run_names_where_its_files_went_and_writes_none_into_the_current_directory()
      throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    Result result = run(Map.of(), "--target", "127.0.0.1:" + server.port());

    String transcripts =
        result.out().lines().filter(l -> l.startsWith("Transcripts: ")).findFirst().orElseThrow();
    Path written = Path.of(transcripts.substring("Transcripts: ".length()));
    assertThat(written).isDirectory();
    assertThat(written.startsWith(cwd)).as("%s under %s", written, cwd).isFalse();
    assertThat(written.resolve(Step3ConversationTest.class.getName())).isDirectory();
    try (Stream<Path> files = Files.walk(written)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void version_names_the_runner() {
    Result result = run(Map.of(), "--version");

    assertThat(result.status()).isZero();
    assertThat(result.out()).startsWith("SmtpUnit ");
  }
}
