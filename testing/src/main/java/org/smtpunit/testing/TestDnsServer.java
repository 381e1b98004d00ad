package org.smtpunit.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * An authoritative DNS server for tests, on an ephemeral loopback port, speaking the real wire
 * protocol over UDP and TCP with dnsjava's own {@link Message} and {@link Zone} classes. It serves
 * the zone files in {@code src/test/resources/zones}, answers SERVFAIL and REFUSED for chosen
 * names, truncates UDP answers over 512 octets (so clients retry over TCP), and records every name
 * it was asked. Public so the extension's tests can resolve MX through it.
 */
public final class TestDnsServer implements AutoCloseable {

  private final List<Zone> zones = new ArrayList<>();
  private final Set<Name> servfail;
  private final Set<Name> refused;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final ExecutorService threads = DaemonThreads.cachedPool("test-dns-server");
  private final List<String> questions = new CopyOnWriteArrayList<>();
  private final AtomicInteger tcpQueries = new AtomicInteger();

  public TestDnsServer() throws IOException {
    for (String origin : List.of("fabrikam.com.", "test.", "127.in-addr.arpa.")) {
      try (InputStream zone = getClass().getResourceAsStream("/zones/" + origin + "zone")) {
        zones.add(new Zone(Name.fromString(origin), zone));
      }
    }
    servfail = Set.of(Name.fromString("servfail.test."));
    refused = Set.of(Name.fromString("refused.test."));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    DatagramSocket boundUdp = null;
    ServerSocket boundTcp = null;
    for (int attempt = 0; attempt < 20 && boundTcp == null; attempt++) {
      boundUdp = new DatagramSocket(new InetSocketAddress(loopback, 0));
      try {
        boundTcp = new ServerSocket(boundUdp.getLocalPort(), 10, loopback);
      } catch (IOException taken) {
        boundUdp.close();
      }
    }
    if (boundTcp == null) {
      throw new IOException("No free port for both UDP and TCP on loopback");
    }
    udp = boundUdp;
    tcp = boundTcp;
    threads.execute(this::serveUdp);
    threads.execute(this::serveTcp);
  }

  /** Returns the port it answers on, over UDP and TCP, on 127.0.0.1. */
  public int port() {
    return udp.getLocalPort();
  }

  /** Every question name, absolute, in the order asked. */
  public List<String> questions() {
    return List.copyOf(questions);
  }

  public int tcpQueries() {
    return tcpQueries.get();
  }

  private void serveUdp() {
    byte[] buffer = new byte[4096];
    while (!udp.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        // RFC 1035 §4.2.1: a UDP answer holds 512 octets; toWire(512) sets TC when it does not fit.
        byte[] answer = answer(query).toWire(512);
        udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try {
        Socket socket = tcp.accept();
        threads.execute(() -> serveTcp(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serveTcp(Socket socket) {
    try (socket;
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
      while (true) {
        int length = in.readUnsignedShort();
        byte[] bytes = in.readNBytes(length);
        tcpQueries.incrementAndGet();
        byte[] answer = answer(new Message(bytes)).toWire();
        out.writeShort(answer.length);
        out.write(answer);
        out.flush();
      }
    } catch (IOException endOfConnection) {
      // The client closed the connection.
    }
  }

  private Message answer(Message query) {
    Record question = query.getQuestion();
    questions.add(question.getName().toString());
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.addRecord(question, Section.QUESTION);
    Name name = question.getName();
    if (servfail.contains(name)) {
      response.getHeader().setRcode(Rcode.SERVFAIL);
      return response;
    }
    if (refused.contains(name)) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return response;
    }
    Zone zone = zoneFor(name);
    if (zone == null) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return response;
    }
    Name current = name;
    for (int hop = 0; hop < 8; hop++) {
      SetResponse found = zone.findRecords(current, question.getType());
      if (found.isNXDOMAIN()) {
        if (hop == 0) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response;
      }
      if (found.isCNAME()) {
        response.addRecord(found.getCNAME(), Section.ANSWER);
        current = found.getCNAME().getTarget();
        continue;
      }
      if (found.isSuccessful()) {
        for (RRset set : found.answers()) {
          set.rrs().forEach(record -> response.addRecord(record, Section.ANSWER));
        }
      }
      return response;
    }
    return response;
  }

  private Zone zoneFor(Name name) {
    Zone best = null;
    for (Zone zone : zones) {
      Name origin = zone.getOrigin();
      if (name.subdomain(origin) && (best == null || origin.labels() > best.getOrigin().labels())) {
        best = zone;
      }
    }
    return best;
  }

  /** Stops both listeners. */
  @Override
  public void close() {
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // Already closed.
    }
    threads.shutdownNow();
  }
}
