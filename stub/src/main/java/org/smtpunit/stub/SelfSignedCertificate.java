package org.smtpunit.stub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Makes the stub's certificate at start: an EC P-256 key and a self-signed X.509 v3 certificate for
 * the stub's names and addresses, encoded here in DER (RFC 5280) with only the JDK's public APIs,
 * so the stub needs neither keytool, nor BouncyCastle, nor the JDK's internal classes.
 */
final class SelfSignedCertificate {

  static final String ALIAS = "smtp-stub";
  static final char[] PASSWORD = "smtp-stub".toCharArray();

  private static final int[] EC_PUBLIC_KEY_WITH_SHA256 = {1, 2, 840, 10045, 4, 3, 2};
  private static final int[] COMMON_NAME = {2, 5, 4, 3};
  private static final int[] SUBJECT_ALT_NAME = {2, 5, 29, 17};
  private static final int[] BASIC_CONSTRAINTS = {2, 5, 29, 19};
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

  private SelfSignedCertificate() {}

  /** Returns a PKCS12 key store holding the key and its certificate under {@link #ALIAS}. */
  static KeyStore generate(String commonName, List<String> dnsNames, List<InetAddress> addresses) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      byte[] algorithm = sequence(oid(EC_PUBLIC_KEY_WITH_SHA256));
      byte[] name = sequence(set(sequence(oid(COMMON_NAME), utf8(commonName))));
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
      byte[] tbs =
          sequence(
              tagged(0xa0, integer(BigInteger.TWO)),
              integer(new BigInteger(64, new SecureRandom()).setBit(62)),
              algorithm,
              name,
              sequence(time(now.minusDays(1)), time(now.plusYears(1))),
              name,
              pair.getPublic().getEncoded(),
              tagged(0xa3, sequence(basicConstraints(), subjectAltName(dnsNames, addresses))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(pair.getPrivate());
      signer.update(tbs);
      byte[] certificate = sequence(tbs, algorithm, bitString(signer.sign()));
      Certificate parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(certificate));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new Certificate[] {parsed});
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Could not generate the stub's certificate: " + e, e);
    }
  }

  private static byte[] basicConstraints() {
    // cA = FALSE is the default, so the value is an empty SEQUENCE.
    return sequence(oid(BASIC_CONSTRAINTS), octetString(sequence()));
  }

  private static byte[] subjectAltName(List<String> dnsNames, List<InetAddress> addresses) {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    for (String dns : dnsNames) {
      // GeneralName dNSName [2] IA5String, iPAddress [7] OCTET STRING (RFC 5280 §4.2.1.6).
      names.writeBytes(der(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
    }
    for (InetAddress address : addresses) {
      names.writeBytes(der(0x87, address.getAddress()));
    }
    return sequence(oid(SUBJECT_ALT_NAME), octetString(der(0x30, names.toByteArray())));
  }

  private static byte[] time(ZonedDateTime time) {
    return der(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] oid(int[] arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      int arc = arcs[i];
      int shift = 28;
      while (shift > 0 && (arc >>> shift) == 0) {
        shift -= 7;
      }
      for (; shift > 0; shift -= 7) {
        out.write(0x80 | ((arc >>> shift) & 0x7f));
      }
      out.write(arc & 0x7f);
    }
    return der(0x06, out.toByteArray());
  }

  private static byte[] integer(BigInteger value) {
    return der(0x02, value.toByteArray());
  }

  private static byte[] utf8(String text) {
    return der(0x0c, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] octetString(byte[] content) {
    return der(0x04, content);
  }

  private static byte[] bitString(byte[] content) {
    byte[] withUnusedBits = new byte[content.length + 1];
    System.arraycopy(content, 0, withUnusedBits, 1, content.length);
    return der(0x03, withUnusedBits);
  }

  private static byte[] sequence(byte[]... parts) {
    return der(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return der(0x31, concat(parts));
  }

  private static byte[] tagged(int tag, byte[] content) {
    return der(tag, content);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
