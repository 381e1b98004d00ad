package org.smtpunit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpunit.AuthMechanism;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpConnectionClosedException;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpProtocolException;
import org.smtpunit.SmtpSession;
import org.smtpunit.SmtpStage;
import org.smtpunit.SmtpTimeoutException;
import org.smtpunit.SmtpTlsException;

/**
 * The client's reliability catalogue, against the stub: every fault at every stage reaches the test
 * as the right typed exception naming the stage, with the transcript so far, within the reply
 * deadline, leaving no socket open on either side and no stub thread behind.
 */
class ClientFaultCatalogueTest {

  private static final Duration TIMEOUT = Duration.ofMillis(400);

  /** Generous slack for a loaded CI machine; a hang would blow through it by far. */
  private static final Duration SLACK = Duration.ofSeconds(3);

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(TIMEOUT).allowPlaintextAuth(true).build();
  private static final MailMessage MESSAGE =
      MailMessage.raw("Subject: Test from Contoso\r\n\r\nThis is a test message\r\n");

  private final SmtpStub stub = SmtpStub.start(Persona.EXCHANGE_2013).addUser("chris", "pw");

  @AfterEach
  void noThreadOutlivesClose() {
    String threads = stub.server.threadPrefix();
    stub.close();
    assertThat(stub.state.failures()).isEmpty();
    assertThat(StubThreads.alive()).noneMatch(name -> name.startsWith(threads));
  }

  /** Where a fault strikes: the rule's verb, the client's stage, what the client does. */
  enum Point {
    GREETING(SmtpVerb.CONNECT, SmtpStage.GREETING, "", smtp -> {}),
    EHLO(SmtpVerb.EHLO, SmtpStage.EHLO, "EHLO contoso.com", smtp -> smtp.ehlo("contoso.com")),
    MAIL(
        SmtpVerb.MAIL,
        SmtpStage.MAIL,
        "MAIL FROM:<chris@contoso.com>",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.mailFrom("chris@contoso.com");
        }),
    RCPT(
        SmtpVerb.RCPT,
        SmtpStage.RCPT,
        "RCPT TO:<kate@fabrikam.com>",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.mailFrom("chris@contoso.com");
          smtp.rcptTo("kate@fabrikam.com");
        }),
    DATA(
        SmtpVerb.DATA,
        SmtpStage.DATA,
        "DATA",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.mailFrom("chris@contoso.com");
          smtp.rcptTo("kate@fabrikam.com");
          smtp.data();
        }),
    CONTENT(
        SmtpVerb.CONTENT,
        SmtpStage.CONTENT,
        " -> .",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.mailFrom("chris@contoso.com");
          smtp.rcptTo("kate@fabrikam.com");
          smtp.send(MESSAGE);
        }),
    QUIT(
        SmtpVerb.QUIT,
        SmtpStage.QUIT,
        "QUIT",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.quit();
        }),
    STARTTLS(
        SmtpVerb.STARTTLS,
        SmtpStage.STARTTLS,
        "STARTTLS",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.startTls();
        }),
    AUTH(
        SmtpVerb.AUTH,
        SmtpStage.AUTH,
        "AUTH PLAIN ****",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.auth(AuthMechanism.PLAIN, Credentials.of("chris", "pw"));
        }),
    /** The client names the stage of the batched command whose reply broke. */
    PIPELINED(
        SmtpVerb.RCPT,
        SmtpStage.RCPT,
        "RCPT TO:<kate@fabrikam.com>",
        smtp -> {
          smtp.ehlo("contoso.com");
          smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("kate@fabrikam.com").data().send();
        });

    final SmtpVerb verb;
    final SmtpStage stage;
    final String sent;
    final Consumer<SmtpSession> conversation;

    Point(SmtpVerb verb, SmtpStage stage, String sent, Consumer<SmtpSession> conversation) {
      this.verb = verb;
      this.stage = stage;
      this.sent = sent;
      this.conversation = conversation;
    }
  }

  static Stream<Arguments> breakingFaults() {
    return Arrays.stream(Point.values())
        .flatMap(
            point ->
                Stream.of(
                    // A hang-up before the greeting races the client's connect: see its own test.
                    point == Point.GREETING
                        ? null
                        : Arguments.of(
                            point, Fault.closeConnection(), SmtpConnectionClosedException.class),
                    point == Point.GREETING
                        ? null
                        : Arguments.of(point, Fault.reset(), SmtpConnectionClosedException.class),
                    Arguments.of(point, Fault.stall(), SmtpTimeoutException.class),
                    Arguments.of(
                        point, Fault.dripReply(Duration.ofMillis(60)), SmtpTimeoutException.class),
                    Arguments.of(
                        point, Fault.delay(Duration.ofSeconds(1)), SmtpTimeoutException.class),
                    Arguments.of(
                        point,
                        Fault.garbage(
                            "\u0000\u0001 not a reply\r\n".getBytes(StandardCharsets.UTF_8)),
                        SmtpProtocolException.class),
                    Arguments.of(point, Fault.oversizedLine(100_000), SmtpProtocolException.class)))
        .filter(Objects::nonNull);
  }

  @ParameterizedTest(name = "{1} at {0}")
  @MethodSource("breakingFaults")
  void every_fault_at_every_stage_is_a_typed_exception_within_the_deadline(
      Point point, Fault fault, Class<? extends SmtpException> expected) {
    stub.on(point.verb).fault(fault);
    long start = System.nanoTime();
    SmtpSession[] opened = new SmtpSession[1];

    SmtpException e =
        catchThrowableOfType(
            expected,
            () -> {
              opened[0] = CLIENT.open(stub.host(), stub.port());
              point.conversation.accept(opened[0]);
            });

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(e).as("%s at %s", fault, point).isNotNull();
    assertThat(e.stage()).isEqualTo(point.stage);
    assertThat(e.transcript().toString()).contains(point.sent);
    assertThat(e.getMessage()).contains(point.sent);
    assertThat(took).isLessThan(TIMEOUT.plus(SLACK));
    if (opened[0] != null) {
      assertThat(opened[0].isOpen()).isFalse();
    }
    assertStubConnectionsEnd();
  }

  static Stream<Fault> hangUps() {
    return Stream.of(Fault.closeConnection(), Fault.reset());
  }

  @ParameterizedTest
  @MethodSource("hangUps")
  void a_hang_up_before_the_greeting_fails_the_connect_or_the_greeting(Fault fault) {
    stub.on(SmtpVerb.CONNECT).fault(fault);

    SmtpException e =
        catchThrowableOfType(SmtpException.class, () -> CLIENT.open(stub.host(), stub.port()));

    // The RST can reach the client's socket before its connect() returns: both are right.
    assertThat(e).isInstanceOfAny(SmtpConnectException.class, SmtpConnectionClosedException.class);
    assertThat(e.stage()).isIn(SmtpStage.CONNECT, SmtpStage.GREETING);
    assertThat(e.getMessage()).contains(" 127.0.0.1");
    assertStubConnectionsEnd();
  }

  @Test
  void a_server_that_stops_reading_during_data_times_out_the_content_write() {
    stub.on(SmtpVerb.DATA).fault(Fault.stopReading());
    // More than loopback's socket buffers hold, built before the clock starts.
    MailMessage big =
        MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(998).concat("\r\n").repeat(20_000));
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      assertThat(smtp.data()).hasCode(354);
      long start = System.nanoTime();

      SmtpTimeoutException e =
          catchThrowableOfType(SmtpTimeoutException.class, () -> smtp.content(big));

      assertThat(e.stage()).isEqualTo(SmtpStage.CONTENT);
      // The client encodes and dot-stuffs 20 MB before the write's deadline starts: bounded, but
      // seconds on a loaded machine. Without the deadline the write would block for ever.
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(TIMEOUT.plus(SLACK).plus(SLACK).plus(SLACK));
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void bytes_injected_before_the_tls_handshake_are_refused_as_a_tls_failure() {
    stub.on(SmtpVerb.STARTTLS)
        .fault(Fault.afterStartTls("250 injected\r\n".getBytes(StandardCharsets.US_ASCII)));
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");

      SmtpTlsException e = catchThrowableOfType(SmtpTlsException.class, smtp::startTls);

      assertThat(e.stage()).isEqualTo(SmtpStage.STARTTLS);
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void a_reply_in_parts_and_a_reply_with_bare_line_feeds_are_still_read() {
    stub.on(SmtpVerb.MAIL).fault(Fault.replyInParts("250 2.1.0 Sen", "der OK\r", "\n"));
    stub.on(SmtpVerb.RCPT).fault(Fault.bareLineFeeds());
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.mailFrom("chris@contoso.com").toString()).isEqualTo("250 2.1.0 Sender OK");
      assertThat(smtp.rcptTo("kate@fabrikam.com").toString()).isEqualTo("250 2.1.5 Recipient OK");
      assertThat(smtp.transcript().toString()).contains("bare LF");
    }
  }

  @Test
  void a_short_delay_is_only_a_delay() {
    stub.on(SmtpVerb.MAIL).fault(Fault.delay(Duration.ofMillis(50)));
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
    }
  }

  private void assertStubConnectionsEnd() {
    long deadline = System.nanoTime() + SLACK.toNanos();
    while (stub.server.open() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(stub.server.open()).as("connections the stub still holds").isZero();
  }
}
