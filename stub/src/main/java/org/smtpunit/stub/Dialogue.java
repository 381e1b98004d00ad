package org.smtpunit.stub;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The state of one connection's conversation: greeting, TLS, AUTH and the open transaction. */
final class Dialogue {

  final InetAddress client;
  boolean greeted;
  boolean tls;
  boolean authenticated;
  Envelope sender;
  final List<StubMessage.Recipient> recipients = new ArrayList<>();
  final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
  boolean chunksTooBig;
  boolean inSasl;
  int replayPosition;

  Dialogue(InetAddress client) {
    this.client = client;
  }

  /** Ends the mail transaction (RFC 5321 §4.1.1.5 RSET, and after every DATA or BDAT LAST). */
  void resetTransaction() {
    sender = null;
    recipients.clear();
    chunks.reset();
    chunksTooBig = false;
  }

  /** Returns the message of the open transaction with this content. */
  StubMessage message(byte[] content) {
    return new StubMessage(
        sender == null ? "" : sender.address(),
        sender == null ? Map.of() : sender.parameters(),
        recipients,
        content);
  }
}
