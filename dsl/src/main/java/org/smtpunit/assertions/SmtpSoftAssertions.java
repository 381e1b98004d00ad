package org.smtpunit.assertions;

import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.StandardSoftAssertionsProvider;
import org.smtpunit.ConnectionProbe;
import org.smtpunit.DeliveryStatusNotification;
import org.smtpunit.EhloReply;
import org.smtpunit.EnhancedStatus;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpReply;
import org.smtpunit.TlsInfo;
import org.smtpunit.Transcript;
import org.smtpunit.checks.LeakCheck;
import org.smtpunit.checks.RelayCheck;
import org.smtpunit.checks.ReverseDnsCheck;
import org.smtpunit.checks.SmugglingCheck;
import org.smtpunit.checks.StartTlsCheck;
import org.smtpunit.dns.DmarcRecord;
import org.smtpunit.dns.MtaStsPolicy;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.dns.SpfRecord;

/**
 * Soft assertions for SmtpUnit types: every failure is collected and reported together at {@link
 * #assertAll()}, so one run shows every reply that was wrong.
 *
 * <pre>{@code
 * SmtpSoftAssertions softly = new SmtpSoftAssertions();
 * softly.assertThat(smtp.ehlo("contoso.com")).supports("STARTTLS").supports("DSN");
 * softly.assertThat(smtp.mailFrom("chris@contoso.com")).hasEnhancedStatus("2.1.0");
 * softly.assertAll();
 * }</pre>
 *
 * <p>Navigation is soft too: {@code softly.assertThat(reply).text().contains("queued")} collects
 * its failure. A navigation whose part is missing ({@code enhancedStatus()} of a reply without one,
 * {@code peerCertificate()} without a certificate, {@code recipient(...)} not in the report) is
 * collected as a failure and, as AssertJ's soft proxies do for a method that fails, returns {@code
 * null}: end that chain there.
 *
 * <p>It also offers every AssertJ soft assertion ({@code softly.assertThat("text")}), as AssertJ's
 * own {@code SoftAssertions} does, and works with AssertJ's {@code SoftAssertionsExtension} as a
 * test parameter.
 */
public class SmtpSoftAssertions extends AbstractSoftAssertions
    implements StandardSoftAssertionsProvider {

  /** Creates an empty collector. */
  public SmtpSoftAssertions() {
    super();
  }

  /** Starts soft assertions on a reply. */
  @CheckReturnValue
  public SmtpReplyAssert assertThat(SmtpReply actual) {
    return proxy(SmtpReplyAssert.class, SmtpReply.class, actual);
  }

  /** Starts soft assertions on an EHLO reply. */
  @CheckReturnValue
  public EhloReplyAssert assertThat(EhloReply actual) {
    return proxy(EhloReplyAssert.class, EhloReply.class, actual);
  }

  /** Starts soft assertions on a parsed delivery status notification (RFC 3464). */
  @CheckReturnValue
  public DeliveryStatusNotificationAssert assertThat(DeliveryStatusNotification actual) {
    return proxy(DeliveryStatusNotificationAssert.class, DeliveryStatusNotification.class, actual);
  }

  /** Starts soft assertions on an RFC 3463 enhanced status. */
  @CheckReturnValue
  public EnhancedStatusAssert assertThat(EnhancedStatus actual) {
    return proxy(EnhancedStatusAssert.class, EnhancedStatus.class, actual);
  }

  /** Starts soft assertions on a transcript. */
  @CheckReturnValue
  public TranscriptAssert assertThat(Transcript actual) {
    return proxy(TranscriptAssert.class, Transcript.class, actual);
  }

  /** Starts soft assertions on a failed connection. */
  @CheckReturnValue
  public SmtpConnectExceptionAssert assertThat(SmtpConnectException actual) {
    return proxy(SmtpConnectExceptionAssert.class, SmtpConnectException.class, actual);
  }

  /** Starts soft assertions on a connection probe. */
  @CheckReturnValue
  public ConnectionProbeAssert assertThat(ConnectionProbe actual) {
    return proxy(ConnectionProbeAssert.class, ConnectionProbe.class, actual);
  }

  /** Starts soft assertions on a domain's MX records. */
  @CheckReturnValue
  public MxRecordsAssert assertThat(MxRecords actual) {
    return proxy(MxRecordsAssert.class, MxRecords.class, actual);
  }

  /** Starts soft assertions on what TLS negotiated. */
  @CheckReturnValue
  public TlsInfoAssert assertThat(TlsInfo actual) {
    return proxy(TlsInfoAssert.class, TlsInfo.class, actual);
  }

  /** Starts soft assertions on a message a server received. */
  @CheckReturnValue
  public ReceivedMessageAssert assertThat(ReceivedMessage actual) {
    return proxy(ReceivedMessageAssert.class, ReceivedMessage.class, actual);
  }

  /** Starts soft assertions on an open-relay check. */
  @CheckReturnValue
  public RelayCheckAssert assertThat(RelayCheck actual) {
    return proxy(RelayCheckAssert.class, RelayCheck.class, actual);
  }

  /** Starts soft assertions on an SMTP smuggling check. */
  @CheckReturnValue
  public SmugglingCheckAssert assertThat(SmugglingCheck actual) {
    return proxy(SmugglingCheckAssert.class, SmugglingCheck.class, actual);
  }

  /** Starts soft assertions on a STARTTLS policy check. */
  @CheckReturnValue
  public StartTlsCheckAssert assertThat(StartTlsCheck actual) {
    return proxy(StartTlsCheckAssert.class, StartTlsCheck.class, actual);
  }

  /** Starts soft assertions on a VRFY or EXPN leak check. */
  @CheckReturnValue
  public LeakCheckAssert assertThat(LeakCheck actual) {
    return proxy(LeakCheckAssert.class, LeakCheck.class, actual);
  }

  /** Starts soft assertions on a reverse DNS check. */
  @CheckReturnValue
  public ReverseDnsCheckAssert assertThat(ReverseDnsCheck actual) {
    return proxy(ReverseDnsCheckAssert.class, ReverseDnsCheck.class, actual);
  }

  /** Starts soft assertions on an SPF record. */
  @CheckReturnValue
  public SpfRecordAssert assertThat(SpfRecord actual) {
    return proxy(SpfRecordAssert.class, SpfRecord.class, actual);
  }

  /** Starts soft assertions on a DMARC record. */
  @CheckReturnValue
  public DmarcRecordAssert assertThat(DmarcRecord actual) {
    return proxy(DmarcRecordAssert.class, DmarcRecord.class, actual);
  }

  /** Starts soft assertions on an MTA-STS policy. */
  @CheckReturnValue
  public MtaStsPolicyAssert assertThat(MtaStsPolicy actual) {
    return proxy(MtaStsPolicyAssert.class, MtaStsPolicy.class, actual);
  }
}
