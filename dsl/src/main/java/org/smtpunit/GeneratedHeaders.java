package org.smtpunit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The header values {@link MailMessage.Builder} makes up when a test does not give them: the Date
 * (RFC 5322 §3.3) and the unique part of a Message-ID, written out by hand because the JDK's
 * formatters and {@link UUID#randomUUID()} cost the first message of a cold JVM some 30 ms.
 */
final class GeneratedHeaders {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private GeneratedHeaders() {}

  /**
   * The RFC 5322 §3.3 date-time, such as {@code Sat, 28 Nov 2026 07:00:00 +0000}: what the pattern
   * {@code "EEE, d MMM yyyy HH:mm:ss Z"} prints in English, written out because a DateTimeFormatter
   * with text fields loads the JDK's locale data, some 15 ms of CPU in the first build of a cold
   * JVM.
   */
  static String date(OffsetDateTime time) {
    int offset = time.getOffset().getTotalSeconds() / 60;
    StringBuilder out = new StringBuilder(31);
    out.append(DAYS[time.getDayOfWeek().getValue() - 1]).append(", ");
    out.append(time.getDayOfMonth()).append(' ');
    out.append(MONTHS[time.getMonthValue() - 1]).append(' ');
    out.append(time.getYear()).append(' ');
    twoDigits(out, time.getHour()).append(':');
    twoDigits(out, time.getMinute()).append(':');
    twoDigits(out, time.getSecond()).append(' ');
    out.append(offset < 0 ? '-' : '+');
    twoDigits(out, Math.abs(offset) / 60);
    return twoDigits(out, Math.abs(offset) % 60).toString();
  }

  /**
   * The local time with its offset, from {@link TimeZone}: {@code ZonedDateTime.now()} would also
   * look for zone rule providers with a ServiceLoader scan of the class path.
   */
  static OffsetDateTime now() {
    long millis = System.currentTimeMillis();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(TimeZone.getDefault().getOffset(millis) / 1000);
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), offset);
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /**
   * A version 4 UUID from {@link ThreadLocalRandom}: a Message-ID must be unique, not
   * unpredictable, and {@link UUID#randomUUID()}'s SecureRandom costs the first build of a cold JVM
   * some 15 ms of CPU.
   */
  static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
