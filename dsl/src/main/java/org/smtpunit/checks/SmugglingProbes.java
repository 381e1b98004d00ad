package org.smtpunit.checks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpProtocolException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.SmtpStage;
import org.smtpunit.Transcript;

/**
 * Runs the SMTP smuggling probes: per variant one connection, one transaction to the named
 * recipient whose content ends its first part with the variant, followed by a smuggled MAIL, RCPT
 * (the same recipient) and DATA, and ends with a standard {@code <CR><LF>.<CR><LF>}. A server that
 * takes the variant as end-of-data answers the smuggled commands, so QUIT's reply is not the 221
 * that comes first otherwise.
 */
final class SmugglingProbes {

  /** The variants in readable form and their bytes, in the order tried. */
  static final Map<String, String> VARIANTS = variants();

  private final Supplier<SmtpSession> opener;
  private final String clientDomain;
  private final String target;

  SmugglingProbes(Supplier<SmtpSession> opener, String clientDomain, String target) {
    this.opener = opener;
    this.clientDomain = clientDomain;
    this.target = target;
  }

  private static Map<String, String> variants() {
    LinkedHashMap<String, String> v = new LinkedHashMap<>();
    v.put("<LF>.<LF>", "\n.\n");
    v.put("<CR>.<CR>", "\r.\r");
    v.put("<LF>.<CR><LF>", "\n.\r\n");
    v.put("<CR><LF>.<LF>", "\r\n.\n");
    v.put("<CR>.<CR><LF>", "\r.\r\n");
    v.put("<LF>.<CR>", "\n.\r");
    v.put("<CR><LF>.<NUL><CR><LF>", "\r\n.\0\r\n");
    return Collections.unmodifiableMap(v);
  }

  SmugglingCheck run(String sender, String recipient) {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    requireLine(sender);
    requireLine(recipient);
    List<SmugglingProbe> probes = new ArrayList<>();
    for (Map.Entry<String, String> variant : VARIANTS.entrySet()) {
      probes.add(probe(variant.getKey(), variant.getValue(), sender, recipient));
    }
    return new SmugglingCheck(sender, recipient, probes);
  }

  private SmugglingProbe probe(String name, String sequence, String sender, String recipient) {
    List<SmtpReply> replies = new ArrayList<>();
    SmtpSession smtp = null;
    try {
      smtp = opener.get();
      smtp.ehlo(clientDomain);
      SmtpReply mail = smtp.mailFrom(sender);
      SmtpReply rcpt = mail.isPositiveCompletion() ? smtp.rcptTo(recipient) : mail;
      SmtpReply data = rcpt.isPositiveCompletion() ? smtp.data() : rcpt;
      if (data.code() != 354) {
        ProbeEndings.politeEnd(smtp);
        return new SmugglingProbe(
            name,
            false,
            true,
            "the server did not take a message for <"
                + recipient
                + "> ("
                + data
                + "), so the variant was not tried; name a recipient it accepts",
            replies,
            smtp.transcript());
      }
      SmtpReply end =
          RawContent.send(
              smtp, bytes(name, sequence, sender, recipient), shown(name, sender, recipient));
      replies.add(end);
      return afterContent(smtp, name, end, replies);
    } catch (SmtpException e) {
      return new SmugglingProbe(name, false, true, ProbeEndings.broke(e), replies, e.transcript());
    } finally {
      if (smtp != null) {
        smtp.close();
      }
    }
  }

  private SmugglingProbe afterContent(
      SmtpSession smtp, String name, SmtpReply end, List<SmtpReply> replies) {
    SmtpReply quit;
    try {
      quit = smtp.quit();
    } catch (SmtpProtocolException e) {
      if (e.stage() == SmtpStage.QUIT && end.isPositiveCompletion()) {
        // The session refuses replies that arrive before QUIT is sent: here they can only be the
        // server's answers to the smuggled MAIL, RCPT and DATA (RFC 5321 §4.2: one reply per
        // command), so the variant ended the message.
        return smuggled(name, end, " before QUIT: " + e.getMessage(), replies, e.transcript());
      }
      return brokeAfter(name, end, replies, e);
    } catch (SmtpException e) {
      return brokeAfter(name, end, replies, e);
    }
    return quitAnswered(smtp, name, end, quit, replies);
  }

  private static SmugglingProbe brokeAfter(
      String name, SmtpReply end, List<SmtpReply> replies, SmtpException e) {
    if (!end.isPositiveCompletion()) {
      return new SmugglingProbe(
          name,
          false,
          false,
          "the server rejected the content (" + end + ") and closed the connection",
          replies,
          e.transcript());
    }
    return new SmugglingProbe(
        name,
        false,
        true,
        "the server took the content ("
            + end
            + ") but then the conversation broke: "
            + e.getMessage(),
        replies,
        e.transcript());
  }

  private static SmugglingProbe quitAnswered(
      SmtpSession smtp, String name, SmtpReply end, SmtpReply quit, List<SmtpReply> replies) {
    replies.add(quit);
    if (quit.code() == 221) {
      return new SmugglingProbe(
          name,
          false,
          false,
          "one reply to the whole content ("
              + end
              + "), then 221 to QUIT: "
              + name
              + " was read as content",
          replies,
          smtp.transcript());
    }
    return smuggled(
        name, end, ": QUIT got [" + quit + "] instead of 221", replies, smtp.transcript());
  }

  /** The variant ended the message: the server answered the commands smuggled after it. */
  private static SmugglingProbe smuggled(
      String name, SmtpReply end, String evidence, List<SmtpReply> replies, Transcript transcript) {
    return new SmugglingProbe(
        name,
        true,
        false,
        "the server ended the message at "
            + name
            + " ("
            + end
            + ") and answered the smuggled commands"
            + evidence,
        replies,
        transcript);
  }

  private byte[] bytes(String name, String sequence, String sender, String recipient) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    write(out, header(sender, recipient, "SmtpUnit SMTP smuggling probe, variant " + name));
    write(
        out,
        "This message is a probe sent by SmtpUnit's SMTP smuggling check against "
            + target
            + ". It ends its first part with "
            + name
            + "; a server that reads that as the end of the"
            + " message also sees a second, smuggled message to the same recipient.");
    write(out, sequence);
    write(out, "MAIL FROM:<" + sender + ">\r\nRCPT TO:<" + recipient + ">\r\nDATA\r\n");
    write(
        out,
        header(sender, recipient, "SmtpUnit SMTP smuggling probe, SMUGGLED part, variant " + name));
    write(
        out,
        "This smuggled message is a probe sent by SmtpUnit's SMTP smuggling check: if it"
            + " arrived as a message of its own, the server is vulnerable to "
            + name
            + ".\r\n.\r\n");
    return out.toByteArray();
  }

  private static List<String> shown(String name, String sender, String recipient) {
    return List.of(
        "(probe message to <" + recipient + ">, its first part ending with " + name + ")",
        name,
        "MAIL FROM:<" + sender + ">",
        "RCPT TO:<" + recipient + ">",
        "DATA",
        "(smuggled probe message to <" + recipient + ">)",
        ".");
  }

  private static String header(String sender, String recipient, String subject) {
    return "From: <" + sender + ">\r\nTo: <" + recipient + ">\r\nSubject: " + subject + "\r\n\r\n";
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireLine(String address) {
    for (char c : address.toCharArray()) {
      if (c == '\r' || c == '\n' || c == '\0' || c == '<' || c == '>' || c > 0x7e) {
        throw new IllegalArgumentException(
            "Address for the smuggling probe must be plain ASCII without CR, LF, NUL or brackets ["
                + address
                + "]; nothing was sent");
      }
    }
  }
}
