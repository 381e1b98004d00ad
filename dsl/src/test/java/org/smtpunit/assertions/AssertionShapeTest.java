package org.smtpunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.EHLO_REPLY;
import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.MX_RECORDS;
import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.RECEIVED_MESSAGE;
import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.SMTP_REPLY;
import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.TLS_INFO;
import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.TRANSCRIPT;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.smtpunit.ConnectFailure;
import org.smtpunit.ConnectionProbe;
import org.smtpunit.EhloReply;
import org.smtpunit.EnhancedStatus;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpReply;
import org.smtpunit.TlsInfo;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.testing.TestCertificates;

/**
 * The assertions in AssertJ's full shape (issue #12 item 4): AssertJ's object assertions on every
 * assert, navigation, instance-of factories, actual/expected on exact comparisons, and an
 * IllegalArgumentException for a null expected value.
 */
class AssertionShapeTest {

  private static final Transcript SESSION =
      new Transcript(
          List.of(
              entry(Direction.RECEIVED, "220 mail1.fabrikam.com ESMTP"),
              entry(Direction.SENT, "EHLO contoso.com"),
              entry(Direction.RECEIVED, "250-mail1.fabrikam.com Hello"),
              entry(Direction.RECEIVED, "250 PIPELINING"),
              entry(Direction.SENT, "RCPT TO:<nobody@fabrikam.com>"),
              entry(Direction.RECEIVED, "550 5.1.1 User unknown")));
  private static final SmtpReply UNKNOWN_USER =
      new SmtpReply(550, List.of("5.1.1 User unknown"), SESSION);
  private static final EhloReply EHLO =
      new EhloReply(
          SmtpReply.of(250, "mail1.fabrikam.com Hello", "PIPELINING", "AUTH PLAIN login", "DSN"));
  private static final ReceivedMessage MESSAGE =
      new ReceivedMessage(
          "Subject: Test from Contoso\r\nX-Test: yes\r\n\r\nThis is a test message\r\n",
          List.of("kate@fabrikam.com"));

  private static final MxRecords NULL_MX =
      new MxRecords("fabrikam.com", List.of(new MxRecord(0, ".", List.of())), false);

  private static TranscriptEntry entry(Direction direction, String line) {
    return new TranscriptEntry(direction, line, Instant.EPOCH, Optional.empty());
  }

  @Test
  void every_assert_offers_assertjs_object_assertions() {
    assertThat(UNKNOWN_USER)
        .returns(550, SmtpReply::code)
        .satisfies(reply -> assertThat(reply.lines()).hasSize(1))
        .extracting(SmtpReply::text)
        .isEqualTo("5.1.1 User unknown");
    assertThat(EHLO).extracting(EhloReply::code).isEqualTo(250);
    assertThat(SESSION).returns(6, t -> t.entries().size());
    assertThat(MESSAGE).returns("Test from Contoso", ReceivedMessage::subject);
    assertThat(EnhancedStatus.parse("5.1.1")).returns(1, EnhancedStatus::subject);
  }

  @Test
  void reply_navigates_to_its_text_lines_and_enhanced_status() {
    assertThat(UNKNOWN_USER).text().startsWith("5.1.1").endsWith("unknown");
    assertThat(EHLO).lines().hasSize(4).contains("DSN");
    assertThat(UNKNOWN_USER).enhancedStatus().hasStatusClass(5).hasSubject(1).hasDetail(1);

    assertThatThrownBy(() -> assertThat(UNKNOWN_USER).text().contains("queued"))
        .hasMessageStartingWith("[reply text] ")
        .hasMessageContaining("\"5.1.1 User unknown\"");
    assertThatThrownBy(() -> assertThat(UNKNOWN_USER).as("RCPT").lines().isEmpty())
        .hasMessageStartingWith("[RCPT: reply lines] ");
  }

  @Test
  void enhancedStatus_fails_when_the_reply_has_none_reading_the_ehlo_reply() {
    SmtpReply bare = new SmtpReply(550, List.of("Invalid recipient"), SESSION);

    assertThatThrownBy(() -> assertThat(bare).enhancedStatus())
        .hasMessage(
            String.format(
                "%nExpecting reply:%n  550 Invalid recipient%nto have an enhanced status code%n"
                    + "but it has none (the server's EHLO reply does not advertise"
                    + " ENHANCEDSTATUSCODES)%nTranscript:%n"
                    + "<-  220 mail1.fabrikam.com ESMTP%n"
                    + " -> EHLO contoso.com%n"
                    + "<-  250-mail1.fabrikam.com Hello%n"
                    + "<-  250 PIPELINING%n"
                    + " -> RCPT TO:<nobody@fabrikam.com>%n"
                    + "<-  550 5.1.1 User unknown"));
  }

  @Test
  void enhanced_status_parts_fail_with_a_diff() {
    AssertionFailedError failure =
        (AssertionFailedError)
            catchThrowable(() -> assertThat(UNKNOWN_USER).enhancedStatus().hasSubject(7));

    assertThat(failure)
        .hasMessage(
            String.format(
                "[enhanced status] %nExpecting enhanced status:%n  5.1.1%nto have subject:%n  7"));
    assertThat(failure.getActual().getValue()).isEqualTo(1);
    assertThat(failure.getExpected().getValue()).isEqualTo(7);
  }

  @Test
  void ehlo_navigates_to_extensions_and_auth_mechanisms() {
    assertThat(EHLO).extensions().containsExactly("PIPELINING", "AUTH", "DSN");
    assertThat(EHLO).authMechanisms().containsExactly("PLAIN", "LOGIN");
    assertThat(new EhloReply(SmtpReply.of(250, "mail1"))).authMechanisms().isEmpty();

    assertThatThrownBy(() -> assertThat(EHLO).extensions().contains("STARTTLS"))
        .hasMessageStartingWith("[EHLO extensions] ");
  }

  @Test
  void transcript_navigates_to_sent_and_received_lines() {
    assertThat(SESSION)
        .sentLines()
        .containsExactly("EHLO contoso.com", "RCPT TO:<nobody@fabrikam.com>");
    assertThat(SESSION)
        .receivedLines()
        .hasSize(4)
        .startsWith("220 mail1.fabrikam.com ESMTP")
        .endsWith("550 5.1.1 User unknown");
  }

  @Test
  void tls_info_navigates_to_the_leaf_certificate(@TempDir Path dir) throws Exception {
    Path pem = TestCertificates.create(dir, "leaf", "dns:mail1.fabrikam.com", 0, 30).pem();
    X509Certificate certificate;
    try (InputStream in = Files.newInputStream(pem)) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    TlsInfo tls =
        new TlsInfo(
            "TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(certificate), Optional.of("mail1"));

    assertThat(tls)
        .peerCertificate()
        .isSameAs(certificate)
        .extracting(c -> c.getSubjectX500Principal().getName())
        .asString()
        .contains("CN=mail1.fabrikam.com");
    TlsInfo none = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(), Optional.empty());
    assertThatThrownBy(() -> assertThat(none).peerCertificate())
        .hasMessageEndingWith(
            String.format("to have:%n  a server certificate%nbut the server sent none"));
  }

  @Test
  void instance_of_factories_continue_with_smtpunit_assertions() {
    Object reply = UNKNOWN_USER;
    assertThat(reply).asInstanceOf(SMTP_REPLY).hasCode(550);
    assertThat(List.of(UNKNOWN_USER)).first(SMTP_REPLY).isPermanentNegative();
    assertThat(Optional.of(EHLO)).get(EHLO_REPLY).supports("DSN");
    assertThat((Object) SESSION).asInstanceOf(TRANSCRIPT).containsReplyCode(550);
    assertThat((Object) NULL_MX).asInstanceOf(MX_RECORDS).isNullMx();
    assertThat((Object) MESSAGE).asInstanceOf(RECEIVED_MESSAGE).hasSubject("Test from Contoso");
    assertThat((Object) new TlsInfo("TLSv1.3", "X", List.of(), Optional.empty()))
        .asInstanceOf(TLS_INFO)
        .hasProtocol("TLSv1.3");
    // SmtpAssertions implements the factories, as assertj-guava's Assertions does.
    assertThat(reply).asInstanceOf(SmtpAssertions.SMTP_REPLY).hasCode(550);
  }

  @Test
  void reply_class_checks_carry_actual_and_expected_classes() {
    AssertionFailedError failure =
        (AssertionFailedError) catchThrowable(() -> assertThat(UNKNOWN_USER).isSuccess());
    assertThat(failure.getActual().getValue()).isEqualTo("5xx");
    assertThat(failure.getExpected().getValue()).isEqualTo("2xx or 3xx");

    assertThat(diff(() -> assertThat(UNKNOWN_USER).isPositiveCompletion()))
        .containsExactly("5xx", "2xx");
    assertThat(diff(() -> assertThat(UNKNOWN_USER).isPositiveIntermediate()))
        .containsExactly("5xx", "3xx");
    assertThat(diff(() -> assertThat(UNKNOWN_USER).isTransientNegative()))
        .containsExactly("5xx", "4xx");
    assertThat(diff(() -> assertThat(SmtpReply.of(250, "ok")).isNegative()))
        .containsExactly("2xx", "4xx or 5xx");
    assertThat(diff(() -> assertThat(EHLO).isPermanentNegative())).containsExactly("2xx", "5xx");
  }

  @Test
  void exact_comparisons_carry_actual_and_expected() {
    assertThat(diff(() -> assertThat(UNKNOWN_USER).hasEnhancedStatus("5.7.1")))
        .containsExactly("5.1.1", "5.7.1");
    assertThat(diff(() -> assertThat(MESSAGE).hasSubject("Other")))
        .containsExactly("Test from Contoso", "Other");
    assertThat(diff(() -> assertThat(MESSAGE).hasHeader("X-Test", "no")))
        .containsExactly("X-Test: yes", "X-Test: no");
    MxRecords mx =
        new MxRecords(
            "fabrikam.com",
            List.of(
                new MxRecord(10, "mail1.fabrikam.com", List.of()),
                new MxRecord(20, "mail2.fabrikam.com", List.of())),
            false);
    assertThat(diff(() -> assertThat(mx).hasPrimaryExchange("mail2.fabrikam.com")))
        .containsExactly("mail1.fabrikam.com", "mail2.fabrikam.com");
    assertThat(diff(() -> assertThat(mx).hasSize(3))).containsExactly(2, 3);
    assertThat(diff(() -> assertThat(mx).hasExchangesInOrder("mail2.fabrikam.com")))
        .containsExactly(
            List.of("mail1.fabrikam.com", "mail2.fabrikam.com"), List.of("mail2.fabrikam.com"));
    TlsInfo tls = new TlsInfo("TLSv1.2", "X", List.of(), Optional.empty());
    assertThat(diff(() -> assertThat(tls).hasProtocol("TLSv1.3")))
        .containsExactly("TLSv1.2", "TLSv1.3");
    ConnectionProbe refused =
        new ConnectionProbe(
            "127.0.0.1",
            25,
            Optional.empty(),
            Optional.of(ConnectFailure.REFUSED),
            java.time.Duration.ofMillis(3),
            Transcript.empty());
    assertThat(diff(() -> assertThat(refused).failedWith(ConnectFailure.TIMED_OUT)))
        .containsExactly("REFUSED", "TIMED_OUT");
    SmtpConnectException exception =
        new SmtpConnectException("refused", ConnectFailure.REFUSED, Transcript.empty(), null);
    assertThat(diff(() -> assertThat(exception).hasFailure(ConnectFailure.TIMED_OUT)))
        .containsExactly(ConnectFailure.REFUSED, ConnectFailure.TIMED_OUT);
  }

  @Test
  void a_null_expected_value_is_an_illegal_argument() {
    List<ThrowingCallable> calls =
        List.of(
            () -> assertThat(UNKNOWN_USER).hasEnhancedStatus(null),
            () -> assertThat(UNKNOWN_USER).hasTextContaining(null),
            () -> assertThat(UNKNOWN_USER).hasTextMatching(null),
            () -> assertThat(EHLO).supports(null),
            () -> assertThat(EHLO).doesNotSupport(null),
            () -> assertThat(EHLO).supportsAuthMechanism(null),
            () -> assertThat(SESSION).containsCommand(null),
            () -> assertThat(SESSION).doesNotContain(null),
            () -> assertThat(MESSAGE).hasSubject(null),
            () -> assertThat(MESSAGE).isFrom(null),
            () -> assertThat(MESSAGE).hasRecipient(null),
            () -> assertThat(MESSAGE).hasBodyContaining(null),
            () -> assertThat(MESSAGE).hasHeader("Subject", null),
            () -> assertThat(NULL_MX).hasPrimaryExchange(null),
            () -> assertThat(NULL_MX).hasExchangesInOrder((String[]) null),
            () ->
                assertThat(new TlsInfo("TLSv1.3", "X", List.of(), Optional.empty()))
                    .hasProtocol(null),
            () ->
                assertThat(new TlsInfo("TLSv1.3", "X", List.of(), Optional.empty()))
                    .isIssuedBy(null));
    for (ThrowingCallable call : calls) {
      assertThat(catchThrowable(call)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(MESSAGE).hasSubject(null))
        .withMessage("The expected subject must not be null");
  }

  @Test
  void soft_assertions_follow_navigation_and_collect_every_failure() {
    SmtpSoftAssertions softly = new SmtpSoftAssertions();
    softly.assertThat(UNKNOWN_USER).text().contains("queued");
    softly.assertThat(UNKNOWN_USER).lines().hasSize(2);
    softly.assertThat(UNKNOWN_USER).enhancedStatus().hasStatusClass(2).hasSubject(7);
    softly.assertThat(EHLO).extensions().contains("STARTTLS");
    softly.assertThat(EHLO).authMechanisms().contains("CRAM-MD5");
    softly.assertThat(SESSION).sentLines().isEmpty();
    softly.assertThat(SESSION).receivedLines().isEmpty();
    softly.assertThat(UNKNOWN_USER).hasCodeIn(250).returns(250, SmtpReply::code);
    softly.assertThat(EnhancedStatus.parse("2.1.0")).hasDetail(5);

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .hasSize(11)
        .anySatisfy(m -> assertThat(m).startsWith("[reply text]"))
        .anySatisfy(m -> assertThat(m).startsWith("[reply lines]"))
        .anySatisfy(m -> assertThat(m).startsWith("[enhanced status]").contains("to have class"))
        .anySatisfy(m -> assertThat(m).startsWith("[enhanced status]").contains("to have subject"))
        .anySatisfy(m -> assertThat(m).startsWith("[EHLO extensions]"))
        .anySatisfy(m -> assertThat(m).startsWith("[AUTH mechanisms]"))
        .anySatisfy(m -> assertThat(m).startsWith("[sent lines]"))
        .anySatisfy(m -> assertThat(m).startsWith("[received lines]"));
  }

  @Test
  void soft_assertions_follow_the_instance_of_factories_and_collect_a_missing_part() {
    SmtpSoftAssertions softly = new SmtpSoftAssertions();
    softly.assertThat((Object) UNKNOWN_USER).asInstanceOf(SMTP_REPLY).hasCode(250).isSuccess();
    softly.assertThat(List.of(EHLO)).first(EHLO_REPLY).supports("STARTTLS");
    EnhancedStatusAssert missing = softly.assertThat(SmtpReply.of(250, "OK")).enhancedStatus();

    assertThat(missing).isNull();
    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .hasSize(4)
        .anySatisfy(m -> assertThat(m).contains("to have code:"))
        .anySatisfy(m -> assertThat(m).contains("to be a success"))
        .anySatisfy(m -> assertThat(m).contains("to advertise:"))
        .anySatisfy(m -> assertThat(m).contains("to have an enhanced status code"));
  }

  private static List<Object> diff(ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    AssertionFailedError diff = (AssertionFailedError) failure;
    return java.util.Arrays.asList(diff.getActual().getValue(), diff.getExpected().getValue());
  }
}
