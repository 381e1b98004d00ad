package org.smtpunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsVersionsTest {

  @Test
  void compares_versions_by_age() {
    assertThat(TlsVersions.isAtLeast("TLSv1.3", "TLSv1.2")).isTrue();
    assertThat(TlsVersions.isAtLeast("TLSv1.2", "TLSv1.2")).isTrue();
    assertThat(TlsVersions.isAtLeast("TLSv1.1", "TLSv1.2")).isFalse();
    assertThat(TlsVersions.isAtLeast("NONE", "SSLv3")).isFalse();
  }

  @Test
  void refuses_an_unknown_minimum_listing_the_known_versions() {
    assertThatThrownBy(() -> TlsVersions.rank("TLSv9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown TLS protocol [TLSv9]: expected one of [SSLv3, TLSv1, TLSv1.1, TLSv1.2,"
                + " TLSv1.3]");
  }
}
