package org.smtpunit.stub;

import java.util.Optional;

/**
 * The argument of {@code BDAT size [LAST]} (RFC 3030 §2).
 *
 * @param size the number of octets that follow the command line
 * @param last whether this is the last chunk of the message
 */
record Chunk(long size, boolean last) {

  static Optional<Chunk> parse(String argument) {
    String[] words = argument.trim().split(" +");
    if (words.length == 0 || words.length > 2 || !words[0].matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    if (words.length == 2 && !words[1].equalsIgnoreCase("LAST")) {
      return Optional.empty();
    }
    return Optional.of(new Chunk(Long.parseLong(words[0]), words.length == 2));
  }
}
