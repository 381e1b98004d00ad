package org.smtpunit.stub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Carries out a {@link Fault} on one connection in place of sending its reply. */
final class FaultAction {

  /** What became of the reply. */
  enum Outcome {
    /** The reply reached the client (perhaps late or oddly framed): the conversation goes on. */
    DELIVERED,
    /** Something that is no reply was sent instead: the stub's state stays as it was. */
    REPLACED,
    /** The connection is over. */
    ENDED
  }

  private FaultAction() {}

  static Outcome perform(Fault fault, String reply, StubChannel connection)
      throws IOException, InterruptedException {
    switch (fault.kind()) {
      case CLOSE -> {
        connection.close();
        return Outcome.ENDED;
      }
      case RESET -> {
        connection.reset();
        return Outcome.ENDED;
      }
      case STALL -> {
        connection.drainUntilClosed();
        return Outcome.ENDED;
      }
      case DRIP -> {
        for (byte b : StubChannel.wire(reply)) {
          sleep(fault.duration());
          connection.write(new byte[] {b});
        }
        return Outcome.DELIVERED;
      }
      case PARTS -> {
        boolean first = true;
        for (byte[] part : fault.bytes()) {
          if (!first) {
            sleep(fault.duration());
          }
          first = false;
          connection.write(part);
        }
        return Outcome.DELIVERED;
      }
      case GARBAGE -> {
        connection.write(fault.bytes().get(0));
        return Outcome.REPLACED;
      }
      case OVERSIZED_LINE -> {
        StringBuilder line = new StringBuilder(fault.length() + 2).append(reply, 0, 3).append(' ');
        while (line.length() < fault.length()) {
          line.append('x');
        }
        connection.write(line.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        return Outcome.REPLACED;
      }
      case BARE_LINE_FEEDS -> {
        connection.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
        return Outcome.DELIVERED;
      }
      case STOP_READING -> {
        connection.write(StubChannel.wire(reply));
        connection.awaitClose();
        return Outcome.ENDED;
      }
      case AFTER_STARTTLS -> {
        byte[] wire = StubChannel.wire(reply);
        byte[] injected = fault.bytes().get(0);
        byte[] both = new byte[wire.length + injected.length];
        System.arraycopy(wire, 0, both, 0, wire.length);
        System.arraycopy(injected, 0, both, wire.length, injected.length);
        connection.write(both);
        return Outcome.DELIVERED;
      }
      case DELAY -> {
        sleep(fault.duration());
        connection.write(StubChannel.wire(reply));
        return Outcome.DELIVERED;
      }
      default -> throw new IllegalStateException("Unknown fault " + fault);
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  }
}
