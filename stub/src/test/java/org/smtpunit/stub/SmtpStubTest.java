package org.smtpunit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.MailMessage;
import org.smtpunit.MailParameter;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;

/** Scripting the stub and reading what it saw. */
class SmtpStubTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

  private final SmtpStub stub = SmtpStub.start();

  @AfterEach
  void close() {
    stub.close();
  }

  private SmtpSession open() {
    return CLIENT.open(stub.host(), stub.port());
  }

  @Test
  void with_no_rule_accepts_everything_with_enhanced_codes() {
    try (SmtpSession smtp = open()) {
      assertThat(smtp.ehlo("contoso.com").supports("ENHANCEDSTATUSCODES")).isTrue();
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250).hasEnhancedStatus("2.1.0");
      assertThat(smtp.rcptTo("anyone@anywhere.example")).hasCode(250).hasEnhancedStatus("2.1.5");
      assertThat(smtp.send(MailMessage.raw("Subject: hi\r\n\r\nbody\r\n"))).hasCode(250);
    }
    assertThat(stub.receivedMessages()).hasSize(1);
  }

  @Test
  void per_recipient_rules_answer_each_recipient_with_its_own_code() {
    stub.on(SmtpVerb.RCPT).matching("nobody@.*").reply("550 5.1.1 User unknown");
    stub.on(SmtpVerb.RCPT).matching("full@").reply("452 4.2.2 Mailbox full");
    try (SmtpSession smtp = open()) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      assertThat(smtp.rcptTo("nobody@fabrikam.com").toString()).isEqualTo("550 5.1.1 User unknown");
      assertThat(smtp.rcptTo("full@fabrikam.com").toString()).isEqualTo("452 4.2.2 Mailbox full");
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
      assertThat(smtp.send(MailMessage.raw("Subject: x\r\n\r\ny\r\n"))).hasCode(250);
    }
    assertThat(stub.receivedMessages().get(0).recipientAddresses())
        .containsExactly("kate@fabrikam.com");
  }

  @Test
  void later_rules_win_and_reply_once_is_spent_by_its_first_use() {
    stub.on(SmtpVerb.NOOP).reply("250 2.0.0 first rule");
    stub.on(SmtpVerb.NOOP).reply("250 2.0.0 second rule");
    stub.on(SmtpVerb.NOOP).replyOnce("421 4.3.2 Only once");
    try (SmtpSession smtp = open()) {
      assertThat(smtp.noop().toString()).isEqualTo("421 4.3.2 Only once");
    }
    try (SmtpSession smtp = open()) {
      assertThat(smtp.noop().toString()).isEqualTo("250 2.0.0 second rule");
    }
  }

  @Test
  void a_multi_line_reply_goes_out_as_written() {
    stub.on(SmtpVerb.EHLO).reply("250-first\n250-SIZE 1000\n250 last");
    try (SmtpSession smtp = open()) {
      assertThat(smtp.ehlo("contoso.com").reply().lines())
          .containsExactly("first", "SIZE 1000", "last");
    }
  }

  @Test
  void greeting_and_advertise_replace_the_personas() {
    stub.greeting("220 mx.contoso.com ready").advertise("SIZE 1000", "DSN");
    try (SmtpSession smtp = open()) {
      assertThat(smtp.greeting().toString()).isEqualTo("220 mx.contoso.com ready");
      assertThat(smtp.ehlo("contoso.com").keywords()).containsExactlyInAnyOrder("SIZE", "DSN");
    }
  }

  @Test
  void commands_are_the_lines_received_byte_exact_without_the_content() {
    try (SmtpSession smtp = open()) {
      smtp.ehlo("contoso.com");
      smtp.command("mail FROM:<chris@contoso.com>  SIZE=12");
      smtp.rcptTo("kate@fabrikam.com");
      smtp.send(MailMessage.raw("Subject: not a command\r\n\r\nQUIT\r\n"));
      smtp.quit();
    }
    assertThat(stub.commands())
        .containsExactly(
            "EHLO contoso.com",
            "mail FROM:<chris@contoso.com>  SIZE=12",
            "RCPT TO:<kate@fabrikam.com>",
            "DATA",
            "QUIT");
  }

  @Test
  void content_is_stored_dot_unstuffed_with_envelope_and_parameters() {
    try (SmtpSession smtp = open()) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com", MailParameter.of("SIZE", "100"));
      smtp.rcptTo("kate@fabrikam.com");
      smtp.send(MailMessage.raw("Subject: dots\r\n\r\n.leading dot\r\n..two\r\n"));
    }
    StubMessage message = stub.awaitMessages(1, Duration.ofSeconds(5)).get(0);
    assertThat(message.contentAsString())
        .isEqualTo("Subject: dots\r\n\r\n.leading dot\r\n..two\r\n");
    assertThat(message.mailParameters()).containsEntry("SIZE", "100");
    assertThat(message.sender()).isEqualTo("chris@contoso.com");
  }

  @Test
  void reset_forgets_rules_and_what_it_saw() {
    stub.on(SmtpVerb.NOOP).reply("250 2.0.0 scripted");
    try (SmtpSession smtp = open()) {
      smtp.noop();
    }
    stub.reset();
    assertThat(stub.commands()).isEmpty();
    try (SmtpSession smtp = open()) {
      assertThat(smtp.noop().toString()).isEqualTo("250 2.0.0 OK");
    }
    assertThat(stub.connections()).isEqualTo(2);
  }

  @Test
  void await_messages_fails_naming_what_arrived() {
    assertThatThrownBy(() -> stub.awaitMessages(1, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected 1 messages within 50 ms, but 0 arrived: []");
  }

  @Test
  void a_reply_with_a_carriage_return_is_refused_before_anything_is_sent() {
    assertThatThrownBy(() -> stub.on(SmtpVerb.MAIL).reply("250 ok\r\n250 more"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A reply is its lines separated by \\n, with no CR or NUL, but was [250 ok\\r\n"
                + "250 more]");
  }

  @Test
  void the_builder_refuses_a_port_or_a_limit_out_of_range_at_the_call() {
    SmtpStub.Builder builder = SmtpStub.builder();
    assertThatThrownBy(() -> builder.port(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0-65535, was 65536");
    assertThatThrownBy(() -> builder.maxLineLength(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLineLength must be positive, was 0");
    assertThatThrownBy(() -> builder.maxMessageSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxMessageSize must be positive, was -1");
  }

  @Test
  void listens_on_loopback_by_default() {
    assertThat(InetAddress.getLoopbackAddress().getHostAddress()).isEqualTo(stub.host());
  }

  @Test
  void a_10_mb_line_gets_line_too_long_and_the_stub_still_answers() throws Exception {
    try (Socket socket = new Socket(stub.host(), stub.port())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      readLine(in);
      byte[] line = new byte[10 * 1024 * 1024];
      Arrays.fill(line, (byte) 'A');
      out.write(line);
      out.write("\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readLine(in)).isEqualTo("500 5.5.2 Line too long");
      assertThat(readLine(in)).isEqualTo("250 2.0.0 OK");
    }
  }

  @Test
  void content_over_the_size_limit_is_discarded_and_refused_after_the_dot() throws Exception {
    try (SmtpStub small = SmtpStub.builder().maxMessageSize(1000).start();
        SmtpSession smtp = CLIENT.open(small.host(), small.port())) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      String big = "Subject: big\r\n\r\n" + "x".repeat(200).concat("\r\n").repeat(50);
      assertThat(smtp.send(MailMessage.raw(big))).hasCode(552).hasEnhancedStatus("5.3.4");
      assertThat(small.receivedMessages()).isEmpty();
    }
  }

  @Test
  void close_ends_every_connection_and_thread() throws Exception {
    SmtpStub other = SmtpStub.start();
    other.on(SmtpVerb.NOOP).fault(Fault.stall());
    Socket idle = new Socket(other.host(), other.port());
    SmtpSession stalled = CLIENT.open(other.host(), other.port());
    Thread noop = new Thread(() -> catchAll(stalled::noop));
    noop.start();
    while (other.connections() < 2) {
      Thread.sleep(5);
    }

    other.close();

    idle.setSoTimeout(5000);
    assertThat(new String(idle.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
        .startsWith("220 ");
    noop.join(5000);
    assertThat(noop.isAlive()).isFalse();
    assertThat(StubThreads.alive()).noneMatch(name -> name.startsWith(other.server.threadPrefix()));
    idle.close();
    stalled.close();
  }

  private static void catchAll(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException expected) {
      // The stub closed under it: that is the point.
    }
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
