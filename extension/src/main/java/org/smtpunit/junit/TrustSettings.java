package org.smtpunit.junit;

import static org.smtpunit.junit.SmtpTarget.EHLO_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TLS_HOST_NAME_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TLS_TRUST_ANY_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TLS_TRUST_STORE_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TRUST_STORE_PASSWORD_VARIABLE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.SmtpClient;
import org.smtpunit.internal.PemCertificates;

/**
 * What the extension's client trusts and calls itself: certificates, a trust store, the name the
 * certificate must match, trust-any, and the EHLO name. Files are read once, when the settings are
 * parsed, so a missing file fails before any connection. Passwords are never part of a message.
 */
record TrustSettings(
    List<KeyStore> trusted,
    List<String> sources,
    boolean trustAny,
    Optional<String> hostName,
    Optional<String> ehlo) {

  static final String CLASSPATH = "classpath:";

  TrustSettings {
    trusted = List.copyOf(trusted);
    sources = List.copyOf(sources);
  }

  static TrustSettings of(
      SmtpTarget annotation,
      Function<String, Optional<String>> config,
      Function<String, String> env) {
    List<KeyStore> trusted = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Optional<String> certificates = setting(config, TLS_CERTIFICATE_PROPERTY_NAME);
    String certificateKey =
        certificates.isPresent() ? TLS_CERTIFICATE_PROPERTY_NAME : "@SmtpTarget(trustCertificate)";
    for (String source :
        certificates.or(() -> blankless(annotation.trustCertificate())).orElse("").split(",")) {
      if (!source.isBlank()) {
        trusted.add(pem(certificateKey, source.trim()));
        sources.add(source.trim());
      }
    }
    Optional<String> store = setting(config, TLS_TRUST_STORE_PROPERTY_NAME);
    String storeKey = store.isPresent() ? TLS_TRUST_STORE_PROPERTY_NAME : "@SmtpTarget(trustStore)";
    Optional<String> storeSource = store.or(() -> blankless(annotation.trustStore()));
    if (storeSource.isPresent()) {
      Optional<String> password =
          config
              .apply(TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME)
              .or(() -> Optional.ofNullable(env.apply(TRUST_STORE_PASSWORD_VARIABLE)));
      trusted.add(trustStore(storeKey, storeSource.get().trim(), password));
      sources.add(storeSource.get().trim());
    }
    boolean trustAny =
        setting(config, TLS_TRUST_ANY_PROPERTY_NAME)
            .map(v -> ConfigValues.bool(TLS_TRUST_ANY_PROPERTY_NAME, v))
            .orElse(false);
    Optional<String> hostName =
        setting(config, TLS_HOST_NAME_PROPERTY_NAME)
            .or(() -> blankless(annotation.tlsHostName()))
            .map(v -> name(TLS_HOST_NAME_PROPERTY_NAME, v));
    Optional<String> ehlo =
        setting(config, EHLO_PROPERTY_NAME)
            .or(() -> blankless(annotation.ehlo()))
            .map(v -> name(EHLO_PROPERTY_NAME, v));
    return new TrustSettings(trusted, sources, trustAny, hostName, ehlo);
  }

  /** Applies these settings to a client builder. */
  SmtpClient.Builder applyTo(SmtpClient.Builder builder) {
    trusted.forEach(builder::trust);
    if (trustAny) {
      builder.trustAnyCertificateInsecurely();
    }
    hostName.ifPresent(builder::tlsHostName);
    ehlo.ifPresent(builder::clientDomain);
    return builder;
  }

  private static Optional<String> setting(Function<String, Optional<String>> config, String key) {
    return config.apply(key).filter(v -> !v.isBlank());
  }

  private static Optional<String> blankless(String value) {
    return Optional.of(value).filter(v -> !v.isBlank());
  }

  private static String name(String key, String value) {
    String name = value.trim();
    if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw ConfigValues.invalid(key, value, "a host name in ASCII without spaces");
    }
    return name;
  }

  private static KeyStore pem(String key, String source) {
    try (InputStream in = open(key, source)) {
      KeyStore store = PemCertificates.read(in);
      if (store.size() == 0) {
        throw ConfigValues.invalid(key, source, "a PEM file holding a certificate");
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new ExtensionConfigurationException(
          "Invalid SmtpUnit configuration "
              + key
              + "=["
              + source
              + "]: cannot read a certificate from it ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static KeyStore trustStore(String key, String source, Optional<String> password) {
    char[] secret = password.map(String::toCharArray).orElse(null);
    GeneralSecurityException last = null;
    IOException failure = null;
    for (String type : List.of("PKCS12", "JKS")) {
      try (InputStream in = open(key, source)) {
        KeyStore store = KeyStore.getInstance(type);
        store.load(in, secret);
        return store;
      } catch (GeneralSecurityException e) {
        last = e;
      } catch (IOException e) {
        if (failure == null || !String.valueOf(failure.getMessage()).contains("password")) {
          failure = e;
        }
      }
    }
    String why =
        failure != null && String.valueOf(failure.getMessage()).contains("password")
            ? "the password ("
                + TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME
                + " or "
                + TRUST_STORE_PASSWORD_VARIABLE
                + ") is wrong or missing"
            : "not a PKCS12 or JKS trust store ("
                + (failure != null ? failure.getMessage() : String.valueOf(last))
                + ")";
    throw new ExtensionConfigurationException(
        "Invalid SmtpUnit configuration " + key + "=[" + source + "]: " + why);
  }

  private static InputStream open(String key, String source) throws IOException {
    if (source.startsWith(CLASSPATH)) {
      String resource = source.substring(CLASSPATH.length()).replaceFirst("^/", "");
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      InputStream in =
          (loader != null ? loader : TrustSettings.class.getClassLoader())
              .getResourceAsStream(resource);
      if (in == null) {
        throw ConfigValues.invalid(key, source, "a resource on the class path");
      }
      return in;
    }
    Path path = Path.of(source);
    if (!Files.isRegularFile(path)) {
      throw ConfigValues.invalid(key, source, "a readable file (" + path.toAbsolutePath() + ")");
    }
    return Files.newInputStream(path);
  }
}
