package org.smtpunit.stub;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The certificate the stub presents and the server-side TLS context made from it. */
final class StubTls {

  private volatile SSLContext context;
  private volatile X509Certificate certificate;

  StubTls(String hostName, InetAddress address) {
    List<InetAddress> addresses = new ArrayList<>();
    addresses.add(InetAddress.getLoopbackAddress());
    try {
      addresses.add(InetAddress.getByName("127.0.0.1"));
      addresses.add(InetAddress.getByName("::1"));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    if (!address.isAnyLocalAddress()) {
      addresses.add(address);
    }
    List<String> names = new ArrayList<>(List.of("localhost", hostName));
    KeyStore store =
        SelfSignedCertificate.generate(
            hostName, names, new ArrayList<>(new java.util.LinkedHashSet<>(addresses)));
    use(store, SelfSignedCertificate.PASSWORD);
  }

  /**
   * Presents the first key entry of the store from now on.
   *
   * @throws IllegalArgumentException when the store holds no usable key entry
   */
  void use(KeyStore store, char[] password) {
    try {
      String alias = null;
      for (String name : Collections.list(store.aliases())) {
        if (store.isKeyEntry(name)) {
          alias = name;
          break;
        }
      }
      if (alias == null) {
        throw new IllegalArgumentException("The key store holds no key entry to present");
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
      certificate = (X509Certificate) store.getCertificate(alias);
      context = tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot present the key store's certificate (is the key password right? pass it with"
              + " withCertificate(keyStore, password)): "
              + e,
          e);
    }
  }

  SSLContext context() {
    return context;
  }

  X509Certificate certificate() {
    return certificate;
  }

  KeyStore trustStore() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("smtp-stub", certificate);
      return trust;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Could not make a trust store: " + e, e);
    }
  }
}
