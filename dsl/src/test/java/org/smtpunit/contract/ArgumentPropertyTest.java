package org.smtpunit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.smtpunit.MailMessage;
import org.smtpunit.MailParameter;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * Generated argument strings (controls, CR, LF, NUL, DEL, lone surrogates, non-ASCII, brackets):
 * every call either refuses its argument with {@link IllegalArgumentException} before a byte is
 * sent, or puts exactly one well-formed UTF-8 line on the wire. Nothing in between: never a second
 * line, never a {@code ?} for a character UTF-8 cannot encode, never an exception after sending.
 */
class ArgumentPropertyTest {

  private static ScriptedSmtpServer server;
  private static SmtpSession smtp;

  @BeforeContainer
  static void open() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              while (true) {
                c.readLine();
                c.send("250 2.0.0 OK\r\n");
              }
            });
    smtp =
        SmtpClient.builder()
            .replyTimeout(Duration.ofSeconds(10))
            .build()
            .open(server.host(), server.port());
  }

  @AfterContainer
  static void close() {
    smtp.close();
    server.close();
  }

  @Provide
  Arbitrary<String> arguments() {
    Arbitrary<Character> special =
        Arbitraries.of(
            '\r', '\n', '\0', '\t', '\u0001', '\u001b', '\u007f', '\u0085', '\u00e5', '\u010a',
            '\u2028', '\uD83D', '\uDE00', '<', '>', '@', ' ', '"', '\\', ':');
    Arbitrary<Character> any = Arbitraries.chars().all();
    Arbitrary<Character> ascii = Arbitraries.chars().range('!', '~');
    return Arbitraries.frequencyOf(Tuple.of(3, ascii), Tuple.of(2, special), Tuple.of(1, any))
        .list()
        .ofMaxSize(24)
        .map(
            chars -> {
              StringBuilder out = new StringBuilder(chars.size());
              chars.forEach(out::append);
              return out.toString();
            });
  }

  @Property(tries = 400, seed = "13", shrinking = ShrinkingMode.OFF)
  void an_argument_is_refused_before_sending_or_sent_as_one_well_formed_line(
      @ForAll("arguments") String value) {
    check(s -> s.mailFrom(value));
    check(s -> s.rcptTo(value));
    check(s -> s.mailFrom("a@b.example", MailParameter.smtpUtf8(), MailParameter.envId(value)));
    check(s -> s.rcptTo("a@b.example", RcptParameter.orcpt(value)));
    check(s -> s.ehlo(value));
    check(s -> s.vrfy(value));
    check(s -> s.command("NOOP " + value));
    check(s -> s.pipeline().mailFrom(value).rcptTo(value).send());
    checkMessage(() -> MailMessage.builder().from(value).to(value).subject(value).build());
    checkMessage(() -> MailMessage.builder().header("X-Test", value).body(value).build());
  }

  private static void check(Consumer<SmtpSession> call) {
    int before = server.conversation().receivedBytes().length;
    try {
      call.accept(smtp);
    } catch (IllegalArgumentException refused) {
      assertThat(server.conversation().receivedBytes())
          .as("bytes sent before refusing")
          .hasSize(before);
      return;
    }
    byte[] all = server.conversation().receivedBytes();
    byte[] sent = Arrays.copyOfRange(all, before, all.length);
    assertWellFormedLines(sent);
    assertThat(smtp.isOpen()).isTrue();
  }

  /** One or more lines (a pipeline), each ending in CRLF, no bare CR or LF, no NUL, valid UTF-8. */
  private static void assertWellFormedLines(byte[] sent) {
    assertThat(sent).isNotEmpty();
    assertThat(sent[sent.length - 1]).isEqualTo((byte) '\n');
    for (int i = 0; i < sent.length; i++) {
      assertThat(sent[i]).as("NUL at %d", i).isNotEqualTo((byte) 0);
      if (sent[i] == '\n') {
        assertThat(i > 0 && sent[i - 1] == '\r').as("bare LF at %d", i).isTrue();
      }
      if (sent[i] == '\r') {
        assertThat(i + 1 < sent.length && sent[i + 1] == '\n').as("bare CR at %d", i).isTrue();
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(sent));
    } catch (CharacterCodingException e) {
      throw new AssertionError("not UTF-8: " + Arrays.toString(sent), e);
    }
  }

  /** A built message either refuses the value or holds no NUL and no lone surrogate. */
  private static void checkMessage(java.util.function.Supplier<MailMessage> build) {
    MailMessage message;
    try {
      message = build.get();
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertThat(message.content()).doesNotContain("\0");
    assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(message.content())).isTrue();
  }
}
