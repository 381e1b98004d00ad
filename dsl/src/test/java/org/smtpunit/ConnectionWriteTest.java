package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first small writes of a plain connection go out without the watchdog, because they fit the
 * send buffer the connection started with; these tests hold the writes after that to the deadline.
 */
class ConnectionWriteTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void small_writes_past_the_room_of_the_send_buffer_time_out_when_the_server_stops_reading()
      throws Exception {
    try (ServerSocket listener = new ServerSocket()) {
      listener.setReceiveBufferSize(4096);
      listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      Socket tcp = new Socket();
      tcp.setSendBufferSize(4096);
      tcp.connect(listener.getLocalSocketAddress(), 5_000);
      try (Socket server = listener.accept();
          Connection connection = new Connection(tcp, tcp, new TranscriptLog())) {
        byte[] line = ("NOOP " + "x".repeat(995) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int written = 0;
        SmtpTimeoutException timedOut = null;
        Duration took = Duration.ZERO;
        // The server reads nothing: once the buffers of both ends are full, a write blocks.
        while (timedOut == null && written < 100_000) {
          long start = System.nanoTime();
          try {
            assertThat(connection.write(line, SmtpStage.COMMAND, start, TIMEOUT, false)).isNull();
            written++;
          } catch (SmtpTimeoutException e) {
            timedOut = e;
            took = Duration.ofNanos(System.nanoTime() - start);
          }
        }

        assertThat(timedOut).as("a timeout after %d writes", written).isNotNull();
        assertThat(timedOut.getMessage()).startsWith("The server stopped reading at command");
        assertThat(took).as("time the blocked write took").isLessThan(TIMEOUT.plusMillis(500));
        assertThat(written).as("writes that fitted the buffers").isPositive();
        assertThat(connection.isClosed()).isTrue();
        assertThat(server.isClosed()).isFalse();
      }
    }
  }
}
