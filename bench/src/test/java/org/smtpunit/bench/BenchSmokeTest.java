package org.smtpunit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs and produces numbers; no timing is asserted. */
class BenchSmokeTest {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  /** A quick-sized bench printing into {@link #buffer}. */
  private BenchMain quickBench() {
    return new BenchMain(
        new PrintStream(buffer, true, StandardCharsets.UTF_8), BenchMain.Plan.quick());
  }

  @Test
  void a_quick_run_prints_every_table_with_numbers() throws Exception {
    List<String> rows = quickBench().run();
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("## Throughput against in-process sink")
        .contains("## Cost per transaction against the in-process sink")
        .contains("## Cold start")
        .contains("## Retained heap per open session")
        .contains("## The embedded default");
    for (String client :
        List.of(
            "raw socket (floor)",
            "SmtpUnit SmtpSession",
            "SmtpUnit pipelined",
            "raw socket pipelined (ceiling)",
            "Commons Net 3.12",
            "Angus Mail 2.0")) {
      assertThat(rows)
          .filteredOn(r -> r.startsWith("| " + client + " | 1 |"))
          .isNotEmpty()
          .allSatisfy(
              r ->
                  assertThat(Double.parseDouble(r.split("\\|")[4].strip().replace(",", "")))
                      .isPositive());
    }
    assertThat(rows)
        .filteredOn(r -> r.startsWith("| SmtpUnit SmtpSession | ") && r.split("\\|").length == 6)
        .singleElement()
        .satisfies(r -> assertThat(Double.parseDouble(r.split("\\|")[3].strip())).isPositive());
    assertThat(rows).anyMatch(r -> r.startsWith("| walkthrough tx/s, embedded server |"));
    assertThat(rows).anyMatch(r -> r.startsWith("| extension overhead per test |"));
    assertThat(rows).anyMatch(r -> r.startsWith("| extension overhead per test, tls = STARTTLS"));
    assertThat(rows)
        .anyMatch(r -> r.startsWith("| SmtpUnit SmtpSession |") && r.contains("<= 1.3x floor"));
  }

  @Test
  void cold_only_prints_the_cold_start_table_alone() throws Exception {
    List<String> rows = quickBench().coldOnly();

    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("## Cold start")
        .doesNotContain("## Throughput");
    assertThat(rows).hasSize(2 + 6).anyMatch(r -> r.startsWith("| raw socket (floor) |"));
    assertThat(rows)
        .anyMatch(r -> r.startsWith("| SmtpUnit SmtpSession |") && r.contains("<= 1.3x floor"));
  }

  @Test
  void the_sink_answers_pipelined_commands_in_order() throws Exception {
    try (SmtpSink sink = new SmtpSink()) {
      new Clients.SmtpUnitPipelined().transaction("127.0.0.1", sink.port());
      new Clients.RawSocket().transaction("127.0.0.1", sink.port());
    }
  }
}
