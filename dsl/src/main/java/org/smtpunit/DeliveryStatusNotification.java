package org.smtpunit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery status notification (RFC 3464): what the reporting server says happened to each
 * recipient of a message sent with {@code NOTIFY=SUCCESS,FAILURE} and an {@code ENVID}. Parse it
 * from the notification as received, then assert on it.
 *
 * <pre>{@code
 * DeliveryStatusNotification dsn = DeliveryStatusNotification.parse(notification);
 * assertThat(dsn).hasEnvelopeId("QQ314159")
 *     .recipient("kate@fabrikam.com").hasAction(DeliveryStatusNotification.Action.DELIVERED);
 * dsn.recipients().get(0).status();   // 2.0.0
 * }</pre>
 *
 * @param envelopeId the {@code Original-Envelope-Id}, the ENVID the sender gave, if reported
 * @param reportingMta the server that wrote the report (the name after {@code dns;})
 * @param recipients one entry per recipient the report is about, in order
 */
public record DeliveryStatusNotification(
    Optional<String> envelopeId, String reportingMta, List<Recipient> recipients) {

  /** What the reporting server did with a recipient (RFC 3464 §2.3.3). */
  public enum Action {
    /** Delivered to the recipient's mailbox. */
    DELIVERED,
    /** Could not be delivered, and will not be retried. */
    FAILED,
    /** Not delivered yet; the server keeps trying. */
    DELAYED,
    /** Relayed to a system that does not send DSNs. */
    RELAYED,
    /** Delivered, and forwarded to several addresses (a list or alias). */
    EXPANDED
  }

  /**
   * The report on one recipient.
   *
   * @param finalRecipient the address the server tried (after the address type, e.g. {@code
   *     rfc822;})
   * @param originalRecipient the address as the sender gave it (ORCPT), if reported
   * @param action what happened
   * @param status the RFC 3463 status, e.g. {@code 5.1.1}
   * @param diagnosticCode what the remote or local agent said, after its type (e.g. {@code smtp;}),
   *     if reported
   * @param remoteMta the server that gave the diagnostic, if any
   */
  public record Recipient(
      String finalRecipient,
      Optional<String> originalRecipient,
      Action action,
      EnhancedStatus status,
      Optional<String> diagnosticCode,
      Optional<String> remoteMta) {

    /** Validates the values. */
    public Recipient {
      Objects.requireNonNull(finalRecipient, "finalRecipient");
      Objects.requireNonNull(originalRecipient, "originalRecipient");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(diagnosticCode, "diagnosticCode");
      Objects.requireNonNull(remoteMta, "remoteMta");
    }

    /**
     * Returns one line such as {@code kate@fabrikam.com: delivered 2.0.0 (delivery via virtual:
     * delivered to maildir)}.
     */
    @Override
    public String toString() {
      return finalRecipient
          + ": "
          + action.name().toLowerCase(Locale.ROOT)
          + " "
          + status
          + remoteMta.map(mta -> " by " + mta).orElse("")
          + diagnosticCode.map(code -> " (" + code + ")").orElse("");
    }
  }

  /** Validates and copies the values. */
  public DeliveryStatusNotification {
    Objects.requireNonNull(envelopeId, "envelopeId");
    Objects.requireNonNull(reportingMta, "reportingMta");
    recipients = List.copyOf(recipients);
  }

  /** Returns the reporting server and envelope id, then one line per recipient. */
  @Override
  public String toString() {
    StringBuilder out =
        new StringBuilder("DSN from ")
            .append(reportingMta)
            .append(envelopeId.map(id -> ", envelope id " + id).orElse(", no envelope id"));
    recipients.forEach(recipient -> out.append('\n').append(recipient));
    return out.toString();
  }

  /** Returns the report on the recipient (final or original address, case-insensitive). */
  public Optional<Recipient> recipient(String address) {
    return recipients.stream()
        .filter(
            r ->
                r.finalRecipient().equalsIgnoreCase(address)
                    || r.originalRecipient().filter(address::equalsIgnoreCase).isPresent())
        .findFirst();
  }

  /**
   * Reads the notification from a received message: a {@code multipart/report} with {@code
   * report-type=delivery-status} and its {@code message/delivery-status} part (RFC 3464; RFC 6533's
   * {@code message/global-delivery-status} too).
   *
   * @throws IllegalArgumentException when the message is not a DSN, naming what it is, or when the
   *     report lacks a field RFC 3464 requires, naming the field
   */
  public static DeliveryStatusNotification parse(ReceivedMessage message) {
    Objects.requireNonNull(message, "message");
    String contentType = message.header("Content-Type").orElse("");
    String type = MimeParts.mediaType(contentType);
    Map<String, String> parameters = MimeParts.parameters(contentType);
    String reportType = parameters.getOrDefault("report-type", "").toLowerCase(Locale.ROOT);
    if (!type.equals("multipart/report")) {
      throw notADsn(message, "it is " + type);
    }
    if (!reportType.equals("delivery-status")) {
      throw notADsn(
          message,
          "it is a multipart/report with "
              + (reportType.isEmpty() ? "no report-type" : "report-type=" + reportType));
    }
    String boundary = parameters.get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw malformed(message, "its Content-Type has no boundary");
    }
    MimeParts.Part status =
        MimeParts.first(
                MimeParts.multipart(message.body(), boundary),
                "message/delivery-status",
                "message/global-delivery-status")
            .orElseThrow(() -> malformed(message, "it has no message/delivery-status part"));
    return fromReport(message, status.body());
  }

  private static DeliveryStatusNotification fromReport(ReceivedMessage message, String report) {
    List<HeaderFields> blocks = new ArrayList<>();
    for (String block : report.split("\r?\n(?:[ \t]*\r?\n)+")) {
      HeaderFields fields = HeaderFields.parse(block);
      if (!fields.isEmpty()) {
        blocks.add(fields);
      }
    }
    if (blocks.isEmpty()) {
      throw malformed(message, "its delivery-status part is empty");
    }
    HeaderFields perMessage = blocks.get(0);
    String reportingMta =
        perMessage
            .first("Reporting-MTA")
            .map(DeliveryStatusNotification::afterType)
            .orElseThrow(() -> malformed(message, "it has no Reporting-MTA field"));
    List<Recipient> recipients = new ArrayList<>();
    for (int i = 1; i < blocks.size(); i++) {
      recipients.add(recipient(message, i, blocks.get(i)));
    }
    if (recipients.isEmpty()) {
      throw malformed(message, "it reports on no recipient");
    }
    return new DeliveryStatusNotification(
        perMessage.first("Original-Envelope-Id").map(String::trim), reportingMta, recipients);
  }

  private static Recipient recipient(ReceivedMessage message, int number, HeaderFields fields) {
    String finalRecipient = required(message, number, fields, "Final-Recipient");
    String action = required(message, number, fields, "Action");
    String status = required(message, number, fields, "Status");
    Action parsedAction;
    try {
      // RFC 3464 §2.3.3: the action is one word, case-insensitive.
      parsedAction = Action.valueOf(action.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw malformed(
          message,
          "recipient "
              + number
              + " has an unknown Action ["
              + action
              + "]: expected "
              + List.of(Action.values()).toString().toLowerCase(Locale.ROOT));
    }
    EnhancedStatus parsedStatus =
        EnhancedStatus.tryParse(HeaderFields.withoutComments(status).split("\\s", 2)[0])
            .orElseThrow(
                () ->
                    malformed(
                        message,
                        "recipient "
                            + number
                            + " has a Status that is not x.y.z ["
                            + status
                            + "]"));
    return new Recipient(
        afterType(finalRecipient),
        fields.first("Original-Recipient").map(DeliveryStatusNotification::afterType),
        parsedAction,
        parsedStatus,
        fields.first("Diagnostic-Code").map(DeliveryStatusNotification::afterType),
        fields.first("Remote-MTA").map(DeliveryStatusNotification::afterType));
  }

  private static String required(
      ReceivedMessage message, int number, HeaderFields fields, String name) {
    return fields
        .first(name)
        .filter(value -> !value.isBlank())
        .orElseThrow(
            () -> malformed(message, "recipient " + number + " has no " + name + " field"));
  }

  /** Drops the type before the first {@code ;}: {@code "rfc822; kate@fabrikam.com"}. */
  private static String afterType(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(semicolon + 1)).trim();
  }

  private static IllegalArgumentException notADsn(ReceivedMessage message, String what) {
    return new IllegalArgumentException(
        "Not a delivery status notification (RFC 3464 multipart/report;"
            + " report-type=delivery-status): "
            + what
            + describe(message));
  }

  private static IllegalArgumentException malformed(ReceivedMessage message, String what) {
    return new IllegalArgumentException(
        "Malformed delivery status notification: " + what + describe(message));
  }

  private static String describe(ReceivedMessage message) {
    return " (message with subject \"" + message.subject() + "\")";
  }
}
