package org.smtpunit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a bench run prints: section titles and Markdown table rows, printed as each figure is
 * measured and kept, so a test can read the rows back; with the number formats and the goal
 * verdicts ({@code ✔} or {@code ✘ missed}) every table uses.
 *
 * <pre>{@code
 * report.header("client", "ms", "goal");
 * report.row("SmtpUnit SmtpSession", f2(millis), verdict(millis <= 30, "<= 30 ms"));
 * }</pre>
 */
final class Report {

  private final PrintStream out;
  private final List<String> rows = new ArrayList<>();

  Report(PrintStream out) {
    this.out = out;
  }

  /** Prints a formatted line that is not a table row: a title or a note. */
  void printf(String format, Object... args) {
    out.printf(format, args);
  }

  /** Prints a table's header row and the rule under it. */
  void header(String... cells) {
    row(cells);
    String[] rule = new String[cells.length];
    Arrays.fill(rule, "---");
    row(rule);
  }

  /** Prints one table row. */
  void row(String... cells) {
    String line = "| " + String.join(" | ", cells) + " |";
    rows.add(line);
    out.println(line);
  }

  /** Returns every row printed so far, headers and rules included. */
  List<String> rows() {
    return rows;
  }

  /** The goal, then whether the figure met it. */
  static String verdict(boolean met, String goal) {
    return goal + (met ? " ✔" : " ✘ missed");
  }

  /**
   * A throughput goal judged two ways: by the whole rounds' ratio to the floor, and by the median
   * of the slice-by-slice ratios to the floor's slice of the same turn.
   */
  static String verdicts(double ratio, double paired, double goal) {
    return String.format(
        Locale.ROOT,
        ">= %.2fx floor: rounds %s, paired slices %s",
        goal,
        ratio >= goal ? "✔" : "✘ missed",
        paired >= goal ? "✔" : "✘ missed");
  }

  /**
   * The median of the values: the middle one, or the mean of the two middle ones for an even count;
   * {@code NaN} for none. Every median the bench reports is taken here.
   */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** A whole number with thousands separators: {@code 1,234}. */
  static String f(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /** Two decimals: {@code 1.23}. */
  static String f2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
