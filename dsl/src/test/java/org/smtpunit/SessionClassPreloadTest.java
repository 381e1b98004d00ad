package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class preload of a cold JVM, seen as the JVM's own class-loading log ({@code
 * -Xlog:class+load}) of a fresh JVM that runs one plain transaction against GreenMail.
 */
class SessionClassPreloadTest {

  private static final Pattern LOADED = Pattern.compile("^\\[(\\d+)\\]\\s*(\\S+) source: .*");

  private GreenMail greenMail;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  @Test
  void a_plain_transaction_loads_exactly_the_preloaded_classes_after_its_client_exists()
      throws Exception {
    List<Loaded> log = firstTransaction("-D" + SessionClassPreload.PROPERTY + "=false");

    List<String> afterClient = ours(after(log, FirstTransaction.Marker.class.getName()));
    List<String> expected = new ArrayList<>();
    expected.add(MailMessage.class.getName());
    SessionClassPreload.sessionClasses().forEach(c -> expected.add(c.getName()));
    assertThat(afterClient)
        .as("the classes of ours loaded after the client exists: the message and the session's")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(threadsLoadingOurs(log))
        .as("switched off, every class of ours is loaded by the opening thread")
        .hasSize(1);
  }

  @Test
  void the_first_client_has_its_session_classes_loaded_on_the_preload_thread() throws Exception {
    List<Loaded> log = firstTransaction();

    String main = threadOf(log, FirstTransaction.class.getName());
    Map<String, String> threadByClass = new LinkedHashMap<>();
    log.forEach(l -> threadByClass.putIfAbsent(l.name(), l.thread()));
    for (Class<?> type : SessionClassPreload.sessionClasses()) {
      assertThat(threadByClass.get(type.getName()))
          .as("thread that loaded %s", type.getName())
          .isNotNull()
          .isNotEqualTo(main);
    }
  }

  /** Runs {@link FirstTransaction} in a fresh JVM and returns its class-loading log. */
  private List<Loaded> firstTransaction(String... options) throws Exception {
    Path logFile = dir.resolve("class-load.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load:file=" + logFile + ":tid");
    command.addAll(List.of(options));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            FirstTransaction.class.getName(),
            Integer.toString(greenMail.getSmtp().getPort())));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
    assertThat(child.exitValue())
        .as(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8))
        .isZero();
    return parse(logFile);
  }

  private static List<Loaded> parse(Path logFile) throws IOException {
    List<Loaded> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
      Matcher m = LOADED.matcher(line);
      if (m.matches()) {
        loaded.add(new Loaded(m.group(1), m.group(2)));
      }
    }
    return loaded;
  }

  private static List<Loaded> after(List<Loaded> log, String marker) {
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).name().equals(marker)) {
        return log.subList(i + 1, log.size());
      }
    }
    throw new AssertionError("marker " + marker + " not loaded");
  }

  /** The library's own classes, without the classes of this test. */
  private static List<String> ours(List<Loaded> log) {
    return log.stream()
        .map(Loaded::name)
        .filter(n -> n.startsWith("org.smtpunit."))
        .filter(n -> !n.startsWith(SessionClassPreloadTest.class.getName()))
        .toList();
  }

  private static Set<String> threadsLoadingOurs(List<Loaded> log) {
    return log.stream()
        .filter(l -> l.name().startsWith("org.smtpunit."))
        .map(Loaded::thread)
        .collect(Collectors.toSet());
  }

  private static String threadOf(List<Loaded> log, String name) {
    return log.stream()
        .filter(l -> l.name().equals(name))
        .map(Loaded::thread)
        .findFirst()
        .orElseThrow();
  }

  private record Loaded(String thread, String name) {}

  /**
   * The child JVM: a client, the preload awaited, a marker class loaded, then a message and one
   * plain transaction on 127.0.0.1.
   */
  static final class FirstTransaction {

    private FirstTransaction() {}

    /** Loaded between the set-up and the transaction, to mark the point in the log. */
    static final class Marker {
      private Marker() {}
    }

    public static void main(String[] args) throws Exception {
      SmtpClient client = SmtpClient.defaults();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals(SessionClassPreload.THREAD_NAME)) {
          thread.join(TimeUnit.SECONDS.toMillis(30));
        }
      }
      if (Marker.class.getName().isEmpty()) {
        throw new AssertionError();
      }
      MailMessage message = MailMessage.raw("Subject: cold\r\n\r\nbody\r\n");
      try (SmtpSession smtp = client.open("127.0.0.1", Integer.parseInt(args[0]))) {
        require(smtp.ehlo("contoso.com").reply().isPositiveCompletion());
        require(smtp.mailFrom("chris@contoso.com").isPositiveCompletion());
        require(smtp.rcptTo("kate@fabrikam.com").isPositiveCompletion());
        require(smtp.send(message).isPositiveCompletion());
        require(smtp.quit().isPositiveCompletion());
      }
    }

    private static void require(boolean condition) {
      if (!condition) {
        throw new IllegalStateException("a reply was not positive");
      }
    }
  }
}
