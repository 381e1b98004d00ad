package org.smtpunit.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smtpunit.internal.Arrivals;

/** The messages a stub accepted, with a wait for the next ones. */
final class Inbox {

  private final List<StubMessage> messages = new ArrayList<>();

  synchronized void add(StubMessage message, int max) {
    if (messages.size() < max) {
      messages.add(message);
      notifyAll();
    }
  }

  synchronized List<StubMessage> messages() {
    return List.copyOf(messages);
  }

  synchronized void clear() {
    messages.clear();
  }

  synchronized List<StubMessage> await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left = timeout.toNanos();
    while (messages.size() < count && left > 0) {
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = deadline - System.nanoTime();
    }
    if (messages.size() < count) {
      throw Arrivals.tooFew(count, timeout, new ArrayList<>(messages));
    }
    return List.copyOf(messages);
  }
}
