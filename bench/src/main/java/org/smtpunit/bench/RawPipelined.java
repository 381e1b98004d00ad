package org.smtpunit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling of pipelining: a raw socket that pipelines as far as RFC 2920 §3.1 allows, as the
 * SmtpUnit pipelined client does (MAIL, RCPT and DATA in one write, then the content and QUIT in
 * another: 4 round trips instead of the floor's 7), and does nothing else. What no pipelining
 * client can beat against the same sink.
 */
final class RawPipelined implements Clients.Client {

  private static final byte[] ENVELOPE =
      ("MAIL FROM:<" + Clients.FROM + ">\r\nRCPT TO:<" + Clients.TO + ">\r\nDATA\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  private static final byte[] CONTENT_AND_QUIT =
      (Clients.MESSAGE + "\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return "raw socket pipelined (ceiling)";
  }

  @Override
  public void transaction(String host, int port) throws IOException {
    try (Socket socket = Clients.RawSocket.connect(host, port)) {
      BufferedReader in = Clients.RawSocket.reader(socket);
      OutputStream out = socket.getOutputStream();
      Clients.RawSocket.expect(in, '2');
      out.write("EHLO contoso.com\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Clients.RawSocket.expect(in, '2');
      out.write(ENVELOPE);
      out.flush();
      Clients.RawSocket.expect(in, '2');
      Clients.RawSocket.expect(in, '2');
      Clients.RawSocket.expect(in, '3');
      out.write(CONTENT_AND_QUIT);
      out.flush();
      Clients.RawSocket.expect(in, '2');
      Clients.RawSocket.expect(in, '2');
    }
  }
}
