package org.smtpunit.assertions;

import org.assertj.core.annotation.CheckReturnValue;
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
 * The single entry point to SmtpUnit's assertions: one {@code assertThat} per SmtpUnit type.
 *
 * <pre>{@code
 * import static org.assertj.core.api.Assertions.assertThat;
 * import static org.smtpunit.assertions.SmtpAssertions.assertThat;
 *
 * assertThat(smtp.ehlo("contoso.com")).isSuccess().supports("DSN");
 * assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250).hasEnhancedStatus("2.1.5");
 * assertThat(message.subject()).isEqualTo("Test from Contoso");   // AssertJ's own
 * }</pre>
 *
 * <p>This class deliberately does <em>not</em> extend AssertJ's {@code Assertions}. AssertJ's
 * guidance for custom entry points is a separate class holding only its own overloads, so that a
 * test can statically import both it and {@code org.assertj.core.api.Assertions.assertThat}: Java
 * merges the two sets of overloads, and since every method here takes an SmtpUnit type, each call
 * resolves to exactly one method. Extending {@code Assertions} would instead re-export hundreds of
 * methods and tie our release to AssertJ's API surface.
 *
 * <p>As assertj-guava's {@code Assertions} does, it implements {@link
 * SmtpInstanceOfAssertFactories}, so {@code SmtpAssertions.SMTP_REPLY} and the other factories are
 * at hand with it.
 */
public final class SmtpAssertions implements SmtpInstanceOfAssertFactories {

  private SmtpAssertions() {}

  /** Starts assertions on a reply. */
  @CheckReturnValue
  public static SmtpReplyAssert assertThat(SmtpReply actual) {
    return new SmtpReplyAssert(actual);
  }

  /** Starts assertions on an EHLO reply and its capabilities. */
  @CheckReturnValue
  public static EhloReplyAssert assertThat(EhloReply actual) {
    return new EhloReplyAssert(actual);
  }

  /** Starts assertions on a parsed delivery status notification (RFC 3464). */
  @CheckReturnValue
  public static DeliveryStatusNotificationAssert assertThat(DeliveryStatusNotification actual) {
    return new DeliveryStatusNotificationAssert(actual);
  }

  /** Starts assertions on an RFC 3463 enhanced status. */
  @CheckReturnValue
  public static EnhancedStatusAssert assertThat(EnhancedStatus actual) {
    return new EnhancedStatusAssert(actual);
  }

  /** Starts assertions on a transcript. */
  @CheckReturnValue
  public static TranscriptAssert assertThat(Transcript actual) {
    return new TranscriptAssert(actual);
  }

  /** Starts assertions on a failed connection. */
  @CheckReturnValue
  public static SmtpConnectExceptionAssert assertThat(SmtpConnectException actual) {
    return new SmtpConnectExceptionAssert(actual);
  }

  /** Starts assertions on a connection probe. */
  @CheckReturnValue
  public static ConnectionProbeAssert assertThat(ConnectionProbe actual) {
    return new ConnectionProbeAssert(actual);
  }

  /** Starts assertions on a domain's MX records. */
  @CheckReturnValue
  public static MxRecordsAssert assertThat(MxRecords actual) {
    return new MxRecordsAssert(actual);
  }

  /** Starts assertions on what TLS negotiated. */
  @CheckReturnValue
  public static TlsInfoAssert assertThat(TlsInfo actual) {
    return new TlsInfoAssert(actual);
  }

  /** Starts assertions on a message a server received. */
  @CheckReturnValue
  public static ReceivedMessageAssert assertThat(ReceivedMessage actual) {
    return new ReceivedMessageAssert(actual);
  }

  /** Starts assertions on an open-relay check. */
  @CheckReturnValue
  public static RelayCheckAssert assertThat(RelayCheck actual) {
    return new RelayCheckAssert(actual);
  }

  /** Starts assertions on an SMTP smuggling check. */
  @CheckReturnValue
  public static SmugglingCheckAssert assertThat(SmugglingCheck actual) {
    return new SmugglingCheckAssert(actual);
  }

  /** Starts assertions on a STARTTLS policy check. */
  @CheckReturnValue
  public static StartTlsCheckAssert assertThat(StartTlsCheck actual) {
    return new StartTlsCheckAssert(actual);
  }

  /** Starts assertions on a VRFY or EXPN leak check. */
  @CheckReturnValue
  public static LeakCheckAssert assertThat(LeakCheck actual) {
    return new LeakCheckAssert(actual);
  }

  /** Starts assertions on a reverse DNS check. */
  @CheckReturnValue
  public static ReverseDnsCheckAssert assertThat(ReverseDnsCheck actual) {
    return new ReverseDnsCheckAssert(actual);
  }

  /** Starts assertions on an SPF record. */
  @CheckReturnValue
  public static SpfRecordAssert assertThat(SpfRecord actual) {
    return new SpfRecordAssert(actual);
  }

  /** Starts assertions on a DMARC record. */
  @CheckReturnValue
  public static DmarcRecordAssert assertThat(DmarcRecord actual) {
    return new DmarcRecordAssert(actual);
  }

  /** Starts assertions on an MTA-STS policy. */
  @CheckReturnValue
  public static MtaStsPolicyAssert assertThat(MtaStsPolicy actual) {
    return new MtaStsPolicyAssert(actual);
  }
}
