package org.smtpunit.stub;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a test told the stub: its rules, greeting, EHLO keywords, users and whether AUTH is
 * required. Read by every connection thread, changed by the test thread at any moment.
 */
final class Script {

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private volatile String greeting;
  private volatile List<String> advertised;
  private volatile boolean authenticationRequired;

  void add(Rule rule) {
    rules.add(rule);
  }

  /** Returns the newest rule that answers this command, spending it if it is once-only. */
  Optional<Rule> ruleFor(SmtpVerb verb, String argument) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.claims(verb, argument)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  void greeting(String greeting) {
    this.greeting = greeting;
  }

  Optional<String> greeting() {
    return Optional.ofNullable(greeting);
  }

  void advertise(List<String> extensions) {
    this.advertised = List.copyOf(extensions);
  }

  Optional<List<String>> advertised() {
    return Optional.ofNullable(advertised);
  }

  void requireAuthentication() {
    authenticationRequired = true;
  }

  boolean authenticationRequired() {
    return authenticationRequired;
  }

  void addUser(String name, String password) {
    users.put(name, password);
  }

  Optional<String> password(String name) {
    return Optional.ofNullable(users.get(name));
  }

  void clear() {
    rules.clear();
    users.clear();
    greeting = null;
    advertised = null;
    authenticationRequired = false;
  }
}
