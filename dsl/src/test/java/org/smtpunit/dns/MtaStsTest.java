package org.smtpunit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.testing.DaemonThreads;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testing.TestDnsServer;

/**
 * MTA-STS against the test DNS server and a real HTTPS server on loopback. The HTTP client reaches
 * {@code mta-sts.secure.fabrikam.com:443} through a CONNECT proxy on loopback that tunnels to the
 * HTTPS server's ephemeral port, so the client checks the certificate for the real policy host
 * name.
 */
class MtaStsTest {

  @TempDir static Path certificates;
  private static TestDnsServer dns;
  private static HttpsServer https;
  private static ConnectProxy proxy;
  private static SSLContext trusting;
  private static final Map<String, String> POLICIES = new ConcurrentHashMap<>();
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    dns = new TestDnsServer();
    TestCertificates.Certificate certificate =
        TestCertificates.create(certificates, "mta-sts", "dns:mta-sts.secure.fabrikam.com", 0, 30);
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
    https.createContext(
        "/.well-known/mta-sts.txt",
        exchange -> {
          REQUESTS.add(exchange.getRequestURI().toString());
          String body = POLICIES.getOrDefault("policy", "");
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", POLICIES.getOrDefault("type", "text/plain"));
          exchange.sendResponseHeaders(
              Integer.parseInt(POLICIES.getOrDefault("status", "200")), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    https.start();
    proxy = new ConnectProxy(https.getAddress().getPort());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(certificate.trustStore());
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, tmf.getTrustManagers(), null);
  }

  @AfterAll
  static void stop() throws IOException {
    https.stop(0);
    proxy.close();
    dns.close();
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static MtaStsPolicy lookup(String policy, SSLContext context) {
    POLICIES.clear();
    POLICIES.put("policy", policy);
    return MtaSts.lookup(
        Dns.builder().server("127.0.0.1", dns.port()).timeout(Duration.ofSeconds(5)).build(),
        "secure.fabrikam.com",
        client(context));
  }

  @Test
  void an_enforcing_policy_fetched_over_https_with_a_checked_certificate() {
    MtaStsPolicy sts =
        lookup(
            "version: STSv1\r\nmode: enforce\r\nmx: mail1.fabrikam.com\r\nmx: *.backup.fabrikam.com\r\nmax_age: 604800\r\n",
            trusting);

    assertThat(sts)
        .isValid()
        .isEnforcing()
        .permits("mail1.fabrikam.com")
        .permits("mx.backup.fabrikam.com");
    assertThat(sts.id()).contains("20261130T000000");
    assertThat(sts.maxAge()).contains(Duration.ofDays(7));
    assertThat(sts.permits("a.b.backup.fabrikam.com")).isFalse();
    assertThat(sts.permits("mail2.fabrikam.com")).isFalse();
    assertThat(proxy.tunnels).contains("mta-sts.secure.fabrikam.com:443");
    assertThatThrownBy(() -> assertThat(sts).permits("mail2.fabrikam.com"))
        .hasMessageContaining(
            "to permit MX host:\n  mail2.fabrikam.com\nbut its mx patterns are [mail1.fabrikam.com, *.backup.fabrikam.com]");
  }

  @Test
  void a_malformed_policy_is_a_result_with_its_errors() {
    MtaStsPolicy sts = lookup("version: STSv2\nmode: enforcing\nmax_age: forever\n", trusting);

    assertThat(sts.isValid()).isFalse();
    assertThat(sts.isEnforcing()).isFalse();
    assertThat(sts.errors())
        .containsExactly(
            "mode: enforcing is not enforce, testing or none",
            "max_age: forever is not 0 to 31557600 seconds",
            "The policy has no \"version: STSv1\" line",
            "The policy names no mx pattern, so no MX host is permitted");
  }

  @Test
  void a_testing_policy_is_valid_but_not_enforcing() {
    MtaStsPolicy sts =
        lookup("version: STSv1\nmode: testing\nmx: mail1.fabrikam.com\nmax_age: 86400\n", trusting);

    assertThat(sts).isValid().permits("MAIL1.fabrikam.com.");
    assertThatThrownBy(() -> assertThat(sts).isEnforcing())
        .hasMessageContaining("its mode is testing");
  }

  @Test
  void an_untrusted_certificate_is_an_error_never_a_policy() throws Exception {
    MtaStsPolicy sts =
        lookup(
            "version: STSv1\nmode: enforce\nmx: mail1.fabrikam.com\nmax_age: 86400\n",
            SSLContext.getDefault());

    assertThat(sts.mode()).isEmpty();
    assertThat(sts.errors())
        .singleElement()
        .asString()
        .startsWith(
            "The policy could not be fetched from https://mta-sts.secure.fabrikam.com/.well-known/mta-sts.txt: javax.net.ssl.SSLHandshakeException");
  }

  @Test
  void a_redirect_or_wrong_content_type_is_an_error() {
    POLICIES.clear();
    POLICIES.put("status", "301");
    MtaStsPolicy moved =
        MtaSts.lookup(
            Dns.builder().server("127.0.0.1", dns.port()).timeout(Duration.ofSeconds(5)).build(),
            "secure.fabrikam.com",
            client(trusting));
    POLICIES.clear();
    POLICIES.put("type", "text/html");
    POLICIES.put(
        "policy", "version: STSv1\nmode: enforce\nmx: mail1.fabrikam.com\nmax_age: 86400\n");
    MtaStsPolicy html =
        MtaSts.lookup(
            Dns.builder().server("127.0.0.1", dns.port()).timeout(Duration.ofSeconds(5)).build(),
            "secure.fabrikam.com",
            client(trusting));

    assertThat(moved.errors()).singleElement().asString().contains("answered HTTP 301");
    assertThat(html.errors())
        .containsExactly(
            "https://mta-sts.secure.fabrikam.com/.well-known/mta-sts.txt has Content-Type [text/html]; RFC 8461 §3.2 requires text/plain");
  }

  /** A CONNECT proxy that tunnels every request to one loopback port, recording the targets. */
  static final class ConnectProxy implements AutoCloseable {
    final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final ExecutorService threads = DaemonThreads.cachedPool("connect-proxy");
    private final int target;

    ConnectProxy(int target) throws IOException {
      this.target = target;
      threads.execute(this::accept);
    }

    int port() {
      return listener.getLocalPort();
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          threads.execute(() -> tunnel(client));
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void tunnel(Socket client) {
      try (client;
          Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
        InputStream in = client.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n") && head.length() < 8192) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          head.append((char) b);
        }
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        tunnels.add(requestLine.split(" ")[1]);
        client
            .getOutputStream()
            .write(
                "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        threads.execute(() -> pipe(server, client));
        pipe(client, server);
      } catch (IOException endOfTunnel) {
        // Either side closed.
      }
    }

    private static void pipe(Socket from, Socket to) {
      try {
        from.getInputStream().transferTo(to.getOutputStream());
        to.shutdownOutput();
      } catch (IOException endOfTunnel) {
        // Either side closed.
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      threads.shutdownNow();
    }
  }
}
