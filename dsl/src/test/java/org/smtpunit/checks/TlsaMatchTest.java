package org.smtpunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsInfo;
import org.smtpunit.TlsMode;
import org.smtpunit.dns.TlsaRecord;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;

/** DANE: a real STARTTLS session's certificate against TLSA records. */
class TlsaMatchTest {

  @TempDir Path certificates;

  @Test
  void the_session_certificate_matches_its_tlsa_records_and_not_others() throws Exception {
    TestCertificates.Certificate certificate =
        TestCertificates.create(certificates, "dane", "dns:mail1.fabrikam.com,ip:127.0.0.1", 0, 30);
    MiniMta mta = new MiniMta();
    mta.tls = certificate.serverContext();
    SmtpClient client =
        SmtpClient.builder()
            .replyTimeout(Duration.ofSeconds(5))
            .tls(TlsMode.STARTTLS)
            .trust(certificate.trustStore())
            .build();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta);
        SmtpSession smtp = client.open("127.0.0.1", server.port())) {
      TlsInfo tls = smtp.tls().orElseThrow();
      X509Certificate leaf = tls.peerCertificates().get(0);
      String spkiSha256 =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded()));
      String certSha512 =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(leaf.getEncoded()));
      TlsaRecord daneEe = new TlsaRecord(3, 1, 1, spkiSha256);
      TlsaRecord fullCert = new TlsaRecord(1, 0, 2, certSha512.toUpperCase(java.util.Locale.ROOT));
      TlsaRecord other = new TlsaRecord(3, 1, 1, "00".repeat(32));

      assertThat(tls).matchesTlsa(List.of(other, daneEe));
      assertThat(tls).matchesTlsa(List.of(fullCert));
      assertThat(new TlsaRecord(2, 1, 1, spkiSha256).matches(tls.peerCertificates()))
          .as("in a one-certificate chain the self-signed certificate is its own trust anchor")
          .isTrue();
      assertThat(new TlsaRecord(3, 1, 9, spkiSha256).matches(tls.peerCertificates())).isFalse();
      assertThatThrownBy(() -> assertThat(tls).matchesTlsa(List.of(other)))
          .hasMessageContaining("to match one of the TLSA records")
          .hasMessageContaining("the certificate chain matches none");
    }
  }
}
