package org.smtpunit.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * A server behaviour made of generated parts: how it greets, then how it answers each line the
 * client sends, one {@link Fault} per line (well-formed answers once the list runs out). Used by
 * the property-based contract tests to drive the client through every kind of hostile server.
 *
 * @param tls whether the server speaks implicit TLS (its context given separately)
 * @param greeting how the server greets
 * @param answers how it answers the client's lines, in order
 */
public record GeneratedBehaviour(boolean tls, Fault greeting, List<Fault> answers) {

  /** One way of answering (or not answering) one line. */
  public enum Fault {
    /** A well-formed positive reply (354 to DATA, 221 and close to QUIT). */
    OK,
    /** A well-formed 550. */
    REJECT,
    /** A NUL inside the reply line. */
    NUL,
    /** A CR inside the reply line. */
    BARE_CR,
    /** A line ending CR CR LF. */
    CR_CR_LF,
    /** A line without a reply code. */
    NO_CODE,
    /** Different codes inside one multi-line reply. */
    MIXED_CODES,
    /** A line over 4096 octets. */
    TOO_LONG,
    /** A valid reply carrying ESC and BEL. */
    ESCAPES,
    /** Reads the line, never answers. */
    STALL,
    /** Reads the line, closes the connection. */
    CLOSE,
    /** Half a reply line, then nothing. */
    PARTIAL,
    /** The reply, one byte every 60 ms: longer than the deadline. */
    DRIP_SLOW,
    /** The reply, one byte every 3 ms. */
    DRIP_FAST,
    /** The reply, then one more. */
    EXTRA,
    /** A 552 after the first bytes of the line, then reads nothing more. */
    EARLY_552,
    /** Reads nothing more, answers nothing more. */
    STOP_READING,
    /** 421, then closes. */
    CLOSE_421,
    /** A malformed line that echoes the client's line (credentials included). */
    ECHO
  }

  /** Runs this behaviour as a {@link ScriptedSmtpServer.Script}. */
  public ScriptedSmtpServer.Script script(SSLContext context) {
    return c -> {
      if (tls) {
        c.startTls(context);
      }
      if (!answer(c, greeting, "", "220")) {
        return;
      }
      boolean data = false;
      for (int i = 0; ; i++) {
        Fault fault = i < answers.size() ? answers.get(i) : Fault.OK;
        if (fault == Fault.STOP_READING) {
          c.stopReading();
          return;
        }
        if (fault == Fault.EARLY_552) {
          c.readBytes(2);
          c.send("552 5.3.4 Too much\r\n");
          c.stopReading();
          return;
        }
        String line = data ? readContent(c) : c.readLine();
        String verb = data ? "CONTENT" : verb(line);
        data = false;
        String code = verb.equals("DATA") ? "354" : verb.equals("QUIT") ? "221" : "250";
        if (!answer(c, fault, line, code)) {
          return;
        }
        data = fault == Fault.OK && verb.equals("DATA");
        if (fault == Fault.OK && verb.equals("QUIT")) {
          return;
        }
      }
    };
  }

  private static String readContent(ScriptedSmtpServer.Conversation c) throws IOException {
    c.readData();
    return ".";
  }

  private static String verb(String line) {
    int space = line.indexOf(' ');
    return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  /** Answers one line; returns whether the conversation goes on. */
  private static boolean answer(
      ScriptedSmtpServer.Conversation c, Fault fault, String line, String code)
      throws IOException, InterruptedException {
    String ok =
        line.toUpperCase(Locale.ROOT).startsWith("EHLO ")
            ? "250-mail1.fabrikam.com\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n"
            : code + " 2.0.0 OK\r\n";
    switch (fault) {
      case OK -> c.send(ok);
      case REJECT -> c.send("550 5.7.1 Refused\r\n");
      case NUL -> c.send(code + " o\0k\r\n");
      case BARE_CR -> c.send(code + " a\rb\r\n");
      case CR_CR_LF -> c.send(code + " ok\r\r\n");
      case NO_CODE -> c.send("hello there\r\n");
      case MIXED_CODES -> c.send(code + "-first\r\n551 second\r\n");
      case TOO_LONG -> c.send(code + " " + "x".repeat(5000) + "\r\n");
      case ESCAPES -> c.send(code + " \u001b[2J\u0007 ok\r\n");
      case STALL, STOP_READING, EARLY_552 -> {
        c.stopReading();
        return false;
      }
      case CLOSE -> {
        return false;
      }
      case PARTIAL -> {
        c.send(code + " par");
        c.stopReading();
        return false;
      }
      case DRIP_SLOW -> c.drip(ok.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(60));
      case DRIP_FAST -> c.drip(ok.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(3));
      case EXTRA -> c.send(ok + code + " 2.0.0 and once more\r\n");
      case CLOSE_421 -> {
        c.send("421 4.3.2 Closing\r\n");
        return false;
      }
      case ECHO -> c.send("5x5 " + line + "\r\n");
      default -> throw new IllegalStateException("unknown fault " + fault);
    }
    return true;
  }
}
