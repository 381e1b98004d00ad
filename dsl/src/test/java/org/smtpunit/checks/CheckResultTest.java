package org.smtpunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpunit.Transcript;
import org.smtpunit.assertions.SmtpAssertions;

class CheckResultTest {

  private static final Transcript NONE = Transcript.empty();

  @Test
  void every_single_conversation_check_reads_as_a_check_result() {
    List<CheckResult> checks =
        List.of(
            new LeakCheck(
                "VRFY", "kate", "x1", Optional.empty(), Optional.empty(), false, true, "4xx", NONE),
            new RelayCheck(
                "a@b", "c@d", false, Optional.empty(), Optional.empty(), true, "4xx", NONE),
            new StartTlsCheck(
                false,
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                "4xx",
                NONE),
            new ReverseDnsCheck(
                InetAddress.getLoopbackAddress(), List.of(), List.of(), "", "", true, "4xx", NONE));

    assertThat(checks)
        .allSatisfy(
            check -> {
              assertThat(check.isInconclusive()).isTrue();
              assertThat(check.inconclusive()).isTrue();
              assertThat(check.reason()).isEqualTo("4xx");
              assertThat(check.transcript()).isSameAs(NONE);
            });
  }

  @Test
  void a_leak_is_reported_as_a_leak_even_when_the_check_is_also_inconclusive() {
    LeakCheck both =
        new LeakCheck(
            "VRFY", "kate", "x1", Optional.empty(), Optional.empty(), true, true, "250 kate", NONE);

    assertThatThrownBy(() -> SmtpAssertions.assertThat(both).doesNotLeak())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to tell kate from a made-up address with VRFY")
        .hasMessageNotContaining("INCONCLUSIVE (an inconclusive check");
  }

  @Test
  void an_inconclusive_relay_check_fails_as_inconclusive_before_its_verdict_is_read() {
    RelayCheck relay =
        new RelayCheck("a@b", "c@d", false, Optional.empty(), Optional.empty(), true, "421", NONE);

    assertThatThrownBy(() -> SmtpAssertions.assertThat(relay).isRefused())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but the check was INCONCLUSIVE");
  }
}
