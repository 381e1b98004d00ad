package org.smtpunit.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;

/**
 * The clients under test. One transaction = connect, greeting, EHLO, MAIL FROM, RCPT TO, DATA with
 * a ~1 KB message, QUIT, close. Each transaction checks the replies it needs, so a client that
 * silently fails cannot look fast.
 */
final class Clients {

  static final String FROM = "chris@contoso.com";
  static final String TO = "kate@fabrikam.com";

  /** About 1 KB, as in the issue. */
  static final String BODY = "This is a test message. ".repeat(42);

  static final String MESSAGE =
      "Subject: Test from Contoso\r\nFrom: " + FROM + "\r\nTo: " + TO + "\r\n\r\n" + BODY;

  private Clients() {}

  /** A client that runs one transaction against host:port. */
  interface Client {
    String name();

    void transaction(String host, int port) throws Exception;
  }

  static List<Client> all() {
    return List.of(
        new RawSocket(),
        new SmtpUnit(),
        new SmtpUnitPipelined(),
        new RawPipelined(),
        new CommonsNet(),
        new AngusMail());
  }

  /** Makes only the named client, so a cold start loads nothing of the others. */
  static Client byName(String name) {
    return switch (name) {
      case "raw" -> new RawSocket();
      case "smtpunit" -> new SmtpUnit();
      case "pipelined" -> new SmtpUnitPipelined();
      case "raw-pipelined" -> new RawPipelined();
      case "commons-net" -> new CommonsNet();
      case "angus" -> new AngusMail();
      default -> throw new IllegalArgumentException("Unknown client " + name);
    };
  }

  /** The short name {@link #byName} takes. */
  static String key(Client client) {
    return switch (client.getClass().getSimpleName()) {
      case "RawSocket" -> "raw";
      case "SmtpUnit" -> "smtpunit";
      case "SmtpUnitPipelined" -> "pipelined";
      case "RawPipelined" -> "raw-pipelined";
      case "CommonsNet" -> "commons-net";
      default -> "angus";
    };
  }

  /** The floor: writes each command and reads reply lines, nothing else. */
  static final class RawSocket implements Client {
    private static final byte[] DATA_LINES =
        (MESSAGE + "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
      return "raw socket (floor)";
    }

    @Override
    public void transaction(String host, int port) throws IOException {
      try (Socket socket = connect(host, port)) {
        BufferedReader in = reader(socket);
        OutputStream out = socket.getOutputStream();
        expect(in, '2');
        command(out, "EHLO contoso.com");
        expect(in, '2');
        command(out, "MAIL FROM:<" + FROM + ">");
        expect(in, '2');
        command(out, "RCPT TO:<" + TO + ">");
        expect(in, '2');
        command(out, "DATA");
        expect(in, '3');
        out.write(DATA_LINES);
        out.flush();
        expect(in, '2');
        command(out, "QUIT");
        expect(in, '2');
      }
    }

    /** A connection that has read the greeting, held open by the retained-heap table. */
    static Socket open(String host, int port) throws IOException {
      Socket socket = connect(host, port);
      expect(reader(socket), '2');
      return socket;
    }

    static Socket connect(String host, int port) throws IOException {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }

    static BufferedReader reader(Socket socket) throws IOException {
      return new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void command(OutputStream out, String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    static void expect(BufferedReader in, char first) throws IOException {
      String line;
      do {
        line = in.readLine();
        if (line == null) {
          throw new IOException("connection closed");
        }
      } while (line.length() > 3 && line.charAt(3) == '-');
      if (line.charAt(0) != first) {
        throw new IOException("unexpected reply " + line);
      }
    }
  }

  /** SmtpUnit's SmtpSession, one command at a time. */
  static class SmtpUnit implements Client {
    static final SmtpClient CLIENT = SmtpClient.defaults();
    static final MailMessage BENCH_MESSAGE = MailMessage.raw(MESSAGE);

    @Override
    public String name() {
      return "SmtpUnit SmtpSession";
    }

    @Override
    public void transaction(String host, int port) {
      try (SmtpSession smtp = CLIENT.open(host, port)) {
        check(smtp.ehlo("contoso.com").reply());
        mailAndQuit(smtp);
      }
    }

    /** After EHLO: MAIL FROM, RCPT TO, DATA with the message and QUIT, each awaiting its reply. */
    void mailAndQuit(SmtpSession smtp) {
      check(smtp.mailFrom(FROM));
      check(smtp.rcptTo(TO));
      check(smtp.send(BENCH_MESSAGE));
      check(smtp.quit());
    }
  }

  /**
   * SmtpUnit with PIPELINING as far as RFC 2920 §3.1 allows: MAIL, RCPT and DATA in one flight,
   * then the content and QUIT in another (the content may open a group, QUIT must close one).
   */
  static final class SmtpUnitPipelined extends SmtpUnit {
    @Override
    public String name() {
      return "SmtpUnit pipelined";
    }

    @Override
    void mailAndQuit(SmtpSession smtp) {
      smtp.pipeline().mailFrom(FROM).rcptTo(TO).data().send().forEach(Clients::check);
      smtp.pipeline().content(BENCH_MESSAGE).quit().send().forEach(Clients::check);
    }
  }

  /** Apache Commons Net's SMTPClient. */
  static final class CommonsNet implements Client {
    @Override
    public String name() {
      return "Commons Net 3.12";
    }

    @Override
    public void transaction(String host, int port) throws IOException {
      SMTPClient client = new SMTPClient();
      client.setConnectTimeout(5_000);
      client.connect(host, port);
      try {
        client.setTcpNoDelay(true);
        require(SMTPReply.isPositiveCompletion(client.getReplyCode()));
        require(SMTPReply.isPositiveCompletion(client.sendCommand("EHLO", "contoso.com")));
        require(client.setSender(FROM));
        require(client.addRecipient(TO));
        require(client.sendShortMessageData(MESSAGE));
        client.logout();
      } finally {
        client.disconnect();
      }
    }
  }

  /** Eclipse Angus Mail (Jakarta Mail), Transport with a reused Session. */
  static final class AngusMail implements Client {
    private Session session;

    @Override
    public String name() {
      return "Angus Mail 2.0";
    }

    @Override
    public void transaction(String host, int port) throws Exception {
      Session s = session(host, port);
      MimeMessage message = new MimeMessage(s);
      message.setFrom(new InternetAddress(FROM));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(TO));
      message.setSubject("Test from Contoso");
      message.setText(BODY);
      try (Transport transport = s.getTransport("smtp")) {
        transport.connect();
        transport.sendMessage(message, message.getAllRecipients());
      }
    }

    private synchronized Session session(String host, int port) {
      if (session == null) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.localhost", "contoso.com");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        session = Session.getInstance(properties);
      }
      return session;
    }
  }

  static void check(SmtpReply reply) {
    if (!reply.isSuccess()) {
      throw new IllegalStateException("unexpected reply " + reply);
    }
  }

  private static void require(boolean ok) throws IOException {
    if (!ok) {
      throw new IOException("Commons Net: negative reply");
    }
  }
}
