package org.smtpunit.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: a fresh JVM runs one transaction; the child measures from the first line of its
 * {@code main} to the end of the transaction and prints the figure. The parent launches several and
 * takes the median.
 */
public final class ColdStart {

  private ColdStart() {}

  /** Child entry point: {@code ColdStart <client name> <host> <port>}. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Clients.byName(args[0]).transaction(args[1], Integer.parseInt(args[2]));
    long elapsed = System.nanoTime() - start;
    System.out.println("COLD " + elapsed);
  }

  /** Launches {@code runs} fresh JVMs for the client and returns the median in milliseconds. */
  static double median(String client, String host, int port, int runs) throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String classpath = System.getProperty("java.class.path");
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  classpath,
                  ColdStart.class.getName(),
                  client,
                  host,
                  Integer.toString(port))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("cold start of " + client + " failed:\n" + output);
      }
      String line = output.lines().filter(l -> l.startsWith("COLD ")).findFirst().orElseThrow();
      millis.add(Long.parseLong(line.substring(5).trim()) / 1e6);
    }
    millis.sort(Double::compare);
    return millis.get(millis.size() / 2);
  }
}
