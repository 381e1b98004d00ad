package org.smtpunit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.smtpunit.TranscriptEntry;

/** Angus's protocol trace becomes a transcript: directions told apart, credentials redacted. */
class ProtocolLogTest {

  private static ProtocolLog traced(String trace) {
    ProtocolLog log = new ProtocolLog();
    log.redact("kate@fabrikam.com", "Kate-Secret-7");
    try (PrintStream out = log.printStream()) {
      out.print(trace);
    }
    return log;
  }

  @Test
  void pop3_capability_and_message_lines_are_server_lines_even_when_they_look_like_commands() {
    ProtocolLog log =
        traced(
            "+OK ready\r\nCAPA\r\n+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\nRETR 1\r\n+OK 20 octets\r\n"
                + "QUIT now\r\n.\r\nQUIT\r\n+OK bye\r\n");

    assertThat(log.snapshot().entries())
        .extracting(TranscriptEntry::toString)
        .containsExactly(
            "<-  +OK ready",
            " -> CAPA",
            "<-  +OK",
            "<-  USER",
            "<-  UIDL",
            "<-  TOP",
            "<-  .",
            " -> RETR 1",
            "<-  +OK 20 octets",
            "<-  QUIT now",
            "<-  .",
            " -> QUIT",
            "<-  +OK bye");
  }

  @Test
  void an_imap_literal_is_server_data_even_when_a_line_looks_like_a_tagged_command() {
    ProtocolLog log =
        traced(
            "A4 FETCH 1 (BODY.PEEK[])\r\n* 1 FETCH (BODY[] {14}\r\nA9 LOGOUT\r\n\r\n)\r\nA4 OK done\r\n");

    assertThat(log.snapshot().entries())
        .extracting(TranscriptEntry::toString)
        .containsExactly(
            " -> A4 FETCH 1 (BODY.PEEK[])",
            "<-  * 1 FETCH (BODY[] {14}",
            "<-  A9 LOGOUT",
            "<-  ",
            "<-  )",
            "<-  A4 OK done");
  }

  @Test
  void credentials_never_reach_the_transcript_in_clear_or_base64() {
    String plain =
        Base64.getEncoder().encodeToString("\0kate@fabrikam.com\0Kate-Secret-7".getBytes());
    ProtocolLog log =
        traced(
            "A1 LOGIN kate@fabrikam.com Kate-Secret-7\r\nPASS Kate-Secret-7\r\nAUTH PLAIN "
                + plain
                + "\r\n"
                + plain
                + "\r\n-ERR Kate-Secret-7 is wrong\r\nDEBUG IMAP: mail.imap.fetchsize: 16384\r\n");

    assertThat(log.snapshot().entries())
        .extracting(TranscriptEntry::toString)
        .containsExactly(
            " -> A1 LOGIN ****",
            " -> PASS ****",
            " -> AUTH ****",
            "<-  ****",
            "<-  -ERR **** is wrong");
  }
}
