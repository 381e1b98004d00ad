package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.junit.ExtensionTestKit.everything;
import static org.smtpunit.junit.ExtensionTestKit.failures;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.testing.TestCertificates;

/**
 * Trust without code: certificates, trust stores, host names and the EHLO name by configuration.
 */
class TrustTest {

  @TempDir static Path dir;
  private static TestCertificates.Certificate byIp;
  private static TestCertificates.Certificate byName;
  private static SmtpStub ipServer;
  private static SmtpStub nameServer;

  @BeforeAll
  static void start() {
    byIp = TestCertificates.create(dir, "byip", "ip:127.0.0.1", 0, 30);
    byName = TestCertificates.create(dir, "byname", "dns:mail1.fabrikam.com", 0, 30);
    ipServer =
        SmtpStub.start(Persona.EXCHANGE_2013)
            .withCertificate(byIp.serverKeyStore(), TestCertificates.password());
    nameServer =
        SmtpStub.start(Persona.EXCHANGE_2013)
            .withCertificate(byName.serverKeyStore(), TestCertificates.password());
  }

  @AfterAll
  static void stop() {
    ipServer.close();
    nameServer.close();
  }

  @SmtpTarget(tls = TlsMode.STARTTLS)
  static class StartTlsTestCase {
    @Test
    void encrypted(SmtpSession smtp) {
      assertThat(smtp.tls()).isPresent();
    }
  }

  private static EngineExecutionResults run(
      Class<?> fixture, SmtpStub server, String... keyValues) {
    Map<String, String> config = new HashMap<>();
    config.put(SmtpTarget.TARGET_PROPERTY_NAME, "127.0.0.1:" + server.port());
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return ExtensionTestKit.run(fixture, dir.resolve("transcripts"), config);
  }

  @Test
  void without_trust_the_failure_names_the_configuration_keys_and_runner_flags() {
    List<Throwable> failures = failures(run(StartTlsTestCase.class, ipServer));

    assertThat(failures).hasSize(1);
    assertThat(everything(failures.get(0)))
        .contains("the server's certificate is not trusted (self-signed or unknown issuer)")
        .contains("smtpunit.tls.certificate or smtpunit.tls.trust-store")
        .contains("@SmtpTarget(trustCertificate)")
        .contains("--trust-cert FILE or --trust-store FILE");
  }

  @Test
  void a_pem_file_named_by_smtpunit_tls_certificate_is_trusted() {
    run(
            StartTlsTestCase.class,
            ipServer,
            SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
            byName.pem() + "," + byIp.pem())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void a_trust_store_with_its_password_from_configuration_is_trusted() {
    run(
            StartTlsTestCase.class,
            ipServer,
            SmtpTarget.TLS_TRUST_STORE_PROPERTY_NAME,
            byIp.keyStore().toString(),
            SmtpTarget.TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME,
            "changeit")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void a_wrong_trust_store_password_fails_naming_the_key_but_not_the_password() {
    List<Throwable> failures =
        failures(
            run(
                StartTlsTestCase.class,
                ipServer,
                SmtpTarget.TLS_TRUST_STORE_PROPERTY_NAME,
                byIp.keyStore().toString(),
                SmtpTarget.TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME,
                "Wr0ng-Secret"));

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getMessage())
        .endsWith(
            ": Invalid SmtpUnit configuration smtpunit.tls.trust-store=["
                + byIp.keyStore()
                + "]: the password (smtpunit.tls.trust-store.password or"
                + " SMTPUNIT_TRUST_STORE_PASSWORD) is wrong or missing")
        .doesNotContain("Wr0ng-Secret");
  }

  @Test
  void a_missing_certificate_file_fails_naming_the_key() {
    Path missing = dir.resolve("missing.pem");
    List<Throwable> failures =
        failures(
            run(
                StartTlsTestCase.class,
                ipServer,
                SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
                missing.toString()));

    assertThat(failures.get(0).getMessage())
        .endsWith(
            ": Invalid SmtpUnit configuration smtpunit.tls.certificate=["
                + missing
                + "]: expected a readable file ("
                + missing.toAbsolutePath()
                + ")");
  }

  @Test
  void the_host_name_the_certificate_must_match_comes_from_smtpunit_tls_host_name() {
    run(
            StartTlsTestCase.class,
            nameServer,
            SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
            byName.pem().toString())
        .testEvents()
        .assertStatistics(s -> s.failed(1));
    run(
            StartTlsTestCase.class,
            nameServer,
            SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
            byName.pem().toString(),
            SmtpTarget.TLS_HOST_NAME_PROPERTY_NAME,
            "mail1.fabrikam.com")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void the_extension_s_own_ehlo_under_starttls_uses_smtpunit_ehlo() {
    int before = ipServer.commands().size();
    run(
            StartTlsTestCase.class,
            ipServer,
            SmtpTarget.TLS_TRUST_ANY_PROPERTY_NAME,
            "true",
            SmtpTarget.EHLO_PROPERTY_NAME,
            "qa.contoso.com")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));

    List<String> commands = ipServer.commands();
    assertThat(commands.subList(before, commands.size())).contains("EHLO qa.contoso.com");
  }

  @SmtpTarget(tls = TlsMode.STARTTLS, trustCertificate = "classpath:trusted/byip.pem")
  static class ClasspathCertificateTestCase {
    @Test
    void encrypted(SmtpSession smtp) {
      assertThat(smtp.tls()).isPresent();
    }
  }

  @Test
  void the_annotation_trusts_a_certificate_from_the_class_path() throws IOException {
    Path resources = dir.resolve("resources");
    Files.createDirectories(resources.resolve("trusted"));
    Files.copy(byIp.pem(), resources.resolve("trusted/byip.pem"));
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {resources.toUri().toURL()}, original)) {
      Thread.currentThread().setContextClassLoader(loader);
      run(ClasspathCertificateTestCase.class, ipServer)
          .testEvents()
          .assertStatistics(s -> s.succeeded(1));
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }
}
