package org.smtpunit.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The recipient matrix's rows: {@code address,expected} where expected is a reply class ({@code
 * 2xx}, {@code 4xx}, {@code 5xx}) or an exact code ({@code 550}). Blank lines and {@code #}
 * comments are ignored, and so is a header row ({@code address,expected}) before the first row.
 *
 * <pre>{@code
 * List<Recipients.Row> rows = Recipients.read(Path.of("recipients.csv"));
 * }</pre>
 */
final class Recipients {

  private static final Pattern EXPECTED = Pattern.compile("[2-5]xx|[2-5]\\d\\d");
  private static final Pattern ADDRESS = Pattern.compile("[^\\s,<>]+@[^\\s,<>]+");

  private Recipients() {}

  /**
   * One recipient and the reply it must get.
   *
   * @param address the recipient
   * @param expected a reply class ({@code 2xx}) or a code ({@code 550})
   */
  record Row(String address, String expected) {}

  /** A malformed line: a usage error naming the file and the line. */
  static final class MalformedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /**
   * Reads the rows of a file.
   *
   * @throws MalformedException for an unreadable file or a malformed line, naming file and line
   */
  static List<Row> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MalformedException("Cannot read the recipients file " + file + ": " + e);
    }
    return parse(file.toString(), lines);
  }

  static List<Row> parse(String source, List<String> lines) {
    List<Row> rows = new ArrayList<>();
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      boolean wellFormed =
          cells.length == 2
              && ADDRESS.matcher(cells[0].strip()).matches()
              && EXPECTED.matcher(cells[1].strip()).matches();
      if (!wellFormed && first && cells.length == 2 && !cells[0].contains("@")) {
        first = false; // a header row such as "address,expected"
        continue;
      }
      first = false;
      if (!wellFormed) {
        throw new MalformedException(
            source
                + " line "
                + (i + 1)
                + ": expected address,expected (a reply class such as 2xx or a code such as 550),"
                + " got ["
                + line
                + "]");
      }
      rows.add(new Row(cells[0].strip(), cells[1].strip()));
    }
    return List.copyOf(rows);
  }
}
