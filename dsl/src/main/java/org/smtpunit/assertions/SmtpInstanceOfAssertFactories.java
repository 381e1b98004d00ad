package org.smtpunit.assertions;

import org.assertj.core.api.InstanceOfAssertFactory;
import org.smtpunit.DeliveryStatusNotification;
import org.smtpunit.EhloReply;
import org.smtpunit.EnhancedStatus;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpReply;
import org.smtpunit.TlsInfo;
import org.smtpunit.Transcript;
import org.smtpunit.dns.MxRecords;

/**
 * AssertJ {@link InstanceOfAssertFactory} instances for SmtpUnit types, to go on with SmtpUnit's
 * assertions after AssertJ's {@code extracting}, {@code asInstanceOf} or {@code get}. {@link
 * SmtpAssertions} implements this interface, so the constants are also reachable through it.
 *
 * <pre>{@code
 * import static org.smtpunit.assertions.SmtpInstanceOfAssertFactories.SMTP_REPLY;
 *
 * assertThat(replies).first(SMTP_REPLY).hasCode(220);
 * assertThat(smtp.tls()).get(TLS_INFO).hasProtocolAtLeast("TLSv1.2");
 * }</pre>
 */
public interface SmtpInstanceOfAssertFactories {

  /** Factory for an {@link SmtpReply}. */
  InstanceOfAssertFactory<SmtpReply, SmtpReplyAssert> SMTP_REPLY =
      new InstanceOfAssertFactory<>(SmtpReply.class, SmtpReplyAssert::new);

  /** Factory for an {@link EhloReply}. */
  InstanceOfAssertFactory<EhloReply, EhloReplyAssert> EHLO_REPLY =
      new InstanceOfAssertFactory<>(EhloReply.class, EhloReplyAssert::new);

  /** Factory for a {@link Transcript}. */
  InstanceOfAssertFactory<Transcript, TranscriptAssert> TRANSCRIPT =
      new InstanceOfAssertFactory<>(Transcript.class, TranscriptAssert::new);

  /** Factory for {@link MxRecords}. */
  InstanceOfAssertFactory<MxRecords, MxRecordsAssert> MX_RECORDS =
      new InstanceOfAssertFactory<>(MxRecords.class, MxRecordsAssert::new);

  /** Factory for a {@link TlsInfo}. */
  InstanceOfAssertFactory<TlsInfo, TlsInfoAssert> TLS_INFO =
      new InstanceOfAssertFactory<>(TlsInfo.class, TlsInfoAssert::new);

  /** Factory for a {@link ReceivedMessage}. */
  InstanceOfAssertFactory<ReceivedMessage, ReceivedMessageAssert> RECEIVED_MESSAGE =
      new InstanceOfAssertFactory<>(ReceivedMessage.class, ReceivedMessageAssert::new);

  /** Factory for a {@link DeliveryStatusNotification}. */
  InstanceOfAssertFactory<DeliveryStatusNotification, DeliveryStatusNotificationAssert>
      DELIVERY_STATUS_NOTIFICATION =
          new InstanceOfAssertFactory<>(
              DeliveryStatusNotification.class, DeliveryStatusNotificationAssert::new);

  /** Factory for an {@link EnhancedStatus}. */
  InstanceOfAssertFactory<EnhancedStatus, EnhancedStatusAssert> ENHANCED_STATUS =
      new InstanceOfAssertFactory<>(EnhancedStatus.class, EnhancedStatusAssert::new);
}
