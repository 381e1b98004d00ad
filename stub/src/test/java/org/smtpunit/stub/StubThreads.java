package org.smtpunit.stub;

import java.util.List;

/** The stub's live threads, to prove that close() leaves none behind. */
final class StubThreads {

  private StubThreads() {}

  static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(StubServer.THREAD_PREFIX))
        .toList();
  }
}
