package org.smtpunit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/** Properties of what the stub parses: content, lines, envelopes, verbs, recordings. */
class StubParsingPropertyTest {

  @Property
  void content_read_back_after_dot_stuffing_is_the_content_sent(@ForAll("lines") List<String> lines)
      throws Exception {
    StringBuilder content = new StringBuilder();
    StringBuilder wire = new StringBuilder();
    for (String line : lines) {
      content.append(line).append("\r\n");
      // RFC 5321 §4.5.2: a line starting with a dot gets one more.
      wire.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
    }
    wire.append(".\r\nNEXT\r\n");
    StubInput input = new StubInput(stream(wire.toString()));

    byte[] read = input.readContent(Long.MAX_VALUE);

    assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(content.toString());
    assertThat(input.overflowed()).isFalse();
    assertThat(input.readLine(100)).isEqualTo("NEXT");
  }

  @Property
  void content_over_the_limit_keeps_exactly_the_limit_and_still_finds_the_end(
      @ForAll("lines") List<String> lines, @ForAll @IntRange(min = 1, max = 200) int limit)
      throws Exception {
    String content = String.join("\r\n", lines) + "\r\n";
    String wire = content.replace("\r\n.", "\r\n..");
    wire = (wire.startsWith(".") ? "." : "") + wire + ".\r\nNEXT\r\n";
    StubInput input = new StubInput(stream(wire));

    byte[] read = input.readContent(limit);

    byte[] expected = content.getBytes(StandardCharsets.UTF_8);
    assertThat(read.length).isEqualTo(Math.min(limit, expected.length));
    assertThat(input.overflowed()).isEqualTo(expected.length > limit);
    assertThat(input.readLine(100)).isEqualTo("NEXT");
  }

  @Property
  void a_line_is_cut_at_the_limit_and_the_next_line_is_intact(
      @ForAll("text") String line, @ForAll @IntRange(min = 1, max = 50) int max) throws Exception {
    StubInput input = new StubInput(stream(line + "\r\nNOOP\r\n"));

    String read = input.readLine(max);

    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertThat(input.overflowed()).isEqualTo(bytes.length > max);
    if (bytes.length <= max) {
      assertThat(read).isEqualTo(line);
    }
    assertThat(input.readLine(100)).isEqualTo("NOOP");
  }

  @Property
  void an_envelope_parses_back_to_its_address_and_parameters(
      @ForAll("mailboxes") String address, @ForAll("parameters") Map<String, String> parameters) {
    StringBuilder argument = new StringBuilder("<").append(address).append('>');
    parameters.forEach((k, v) -> argument.append(' ').append(k).append(v.isEmpty() ? "" : "=" + v));

    Envelope envelope = Envelope.parse(argument.toString());

    assertThat(envelope.wellFormed()).isTrue();
    assertThat(envelope.address()).isEqualTo(address);
    assertThat(envelope.parameters()).containsExactlyEntriesOf(parameters);
  }

  @Property
  void verbs_are_case_insensitive(@ForAll SmtpVerb verb, @ForAll long seed) {
    if (verb == SmtpVerb.CONNECT || verb == SmtpVerb.CONTENT || verb == SmtpVerb.UNKNOWN) {
      assertThat(SmtpVerb.of(verb.name())).isEqualTo(SmtpVerb.UNKNOWN);
      return;
    }
    String word =
        verb == SmtpVerb.MAIL
            ? "MAIL FROM:<a@b>"
            : verb == SmtpVerb.RCPT ? "RCPT TO:<a@b>" : verb.name();
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      mixed.append(((seed >>> (i % 64)) & 1) == 0 ? c : Character.toLowerCase(c));
    }
    assertThat(SmtpVerb.of(mixed.toString())).isEqualTo(verb);
  }

  @Property
  void a_reply_with_a_cr_or_nul_is_refused(
      @ForAll("text") String before, @ForAll("text") String after, @ForAll boolean nul) {
    String reply = "250 " + before + (nul ? "\0" : "\r") + after;

    assertThatThrownBy(() -> OnCommand.wire(reply)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void a_rendered_transcript_parses_back_to_its_steps(
      @ForAll("conversations") List<Recording.Step> steps) {
    List<TranscriptEntry> entries = new ArrayList<>();
    entries.add(entry(Direction.NOTE, "Connected to mx.example.com"));
    entries.add(entry(Direction.RECEIVED, "220 mx.example.com ESMTP"));
    for (Recording.Step step : steps) {
      entries.add(entry(Direction.SENT, step.command()));
      for (String line : step.reply().split("\n")) {
        entries.add(entry(Direction.RECEIVED, line));
      }
    }
    String file = new Transcript(entries).toString();

    Recording recording = Recording.parse(file.lines().toList());

    assertThat(recording.greeting()).isEqualTo("220 mx.example.com ESMTP");
    assertThat(recording.steps()).isEqualTo(steps);
  }

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.oneOf(
            text(), Arbitraries.of(".", "..", ".x", "", " .", "\u00e9t\u00e9", "."))
        .list()
        .ofMaxSize(20);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\t', '\u00e9', '\u4e2d')
        .ofMaxLength(80);
  }

  @Provide
  Arbitrary<String> mailboxes() {
    Arbitrary<String> word =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('.', '-', '+')
            .ofMinLength(1)
            .ofMaxLength(12);
    return Combinators.combine(word, word).as((local, domain) -> local + "@" + domain);
  }

  @Provide
  Arbitrary<Map<String, String>> parameters() {
    Arbitrary<String> keyword =
        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> value =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .ofMaxLength(10)
            .filter(v -> v.indexOf('=') < 0 && v.indexOf('<') < 0 && v.indexOf('>') < 0);
    return Arbitraries.maps(keyword, value).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Recording.Step>> conversations() {
    Arbitrary<String> command =
        Arbitraries.of(
            "EHLO contoso.com",
            "MAIL FROM:<chris@contoso.com>",
            "NOOP",
            "RSET",
            "VRFY kate",
            "****",
            "AUTH PLAIN ****");
    Arbitrary<String> line = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
    Arbitrary<Integer> code = Arbitraries.of(250, 252, 334, 421, 450, 550);
    Arbitrary<String> reply =
        Combinators.combine(code, line.list().ofMinSize(1).ofMaxSize(4))
            .as(
                (c, texts) -> {
                  List<String> lines = new ArrayList<>();
                  for (int i = 0; i < texts.size(); i++) {
                    lines.add(c + (i == texts.size() - 1 ? " " : "-") + texts.get(i));
                  }
                  return String.join("\n", lines);
                });
    return Combinators.combine(command, reply).as(Recording.Step::new).list().ofMaxSize(10);
  }

  private static TranscriptEntry entry(Direction direction, String line) {
    return new TranscriptEntry(direction, line, Instant.EPOCH, Optional.empty());
  }

  private static ByteArrayInputStream stream(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
