package com.example.consumer;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The embedded server's threads still alive in this JVM (server and connection threads). */
final class GreenMailThreads {

  private GreenMailThreads() {}

  static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(GreenMailThreads::isGreenMail)
        .map(t -> t.getName() + " (" + t.getClass().getName() + ")")
        .sorted()
        .collect(Collectors.toList());
  }

  /**
   * Waits a bounded time (stopping joins its threads, but give the JVM a moment) and lists them.
   */
  static List<String> aliveAfter(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    List<String> alive = alive();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      alive = alive();
    }
    return alive;
  }

  /**
   * GreenMail's servers are Thread subclasses; its connection threads are named after them
   * ({@code smtp:127.0.0.1:port...}). SmtpUnit's own client threads are not GreenMail's.
   */
  private static boolean isGreenMail(Thread thread) {
    for (Class<?> type = thread.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().startsWith("com.icegreen.")) {
        return true;
      }
    }
    return thread.getName().toLowerCase(Locale.ROOT).startsWith("smtp:");
  }
}
