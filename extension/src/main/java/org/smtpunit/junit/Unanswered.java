package org.smtpunit.junit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Targets that did not answer in time during this run, kept in the root store: a silent server
 * costs one timeout for the whole run, and later tests fail at once saying so.
 */
final class Unanswered {

  private final Map<String, String> silent = new ConcurrentHashMap<>();

  void record(String target, String why) {
    silent.putIfAbsent(target, why);
  }

  Optional<String> why(String target) {
    return Optional.ofNullable(silent.get(target));
  }
}
