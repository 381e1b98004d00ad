package org.smtpunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "20s, PT20S",
    "20 S, PT20S",
    "2m, PT2M",
    "1h, PT1H",
    "1.5s, PT1.5S",
    "0.5m, PT30S",
    "2.25ms, PT0.00225S",
    "PT20S, PT20S",
    "pt1m30s, PT1M30S",
    "' 20s ', PT20S",
  })
  void parses_amounts_with_units_decimals_and_iso_8601(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "0s", "0.0m", "-5s", "PT0S", "PT-1S", "20", "1.s", "5d", ""})
  void refuses_what_is_not_a_positive_duration_naming_the_forms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("[" + text + "]: expected a positive duration such as 20s, 500ms, 2m or PT20S");
  }

  @Test
  void formats_whole_seconds_in_seconds_and_the_rest_in_milliseconds() {
    assertThat(Durations.format(Duration.ofSeconds(20))).isEqualTo("20 s");
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }
}
