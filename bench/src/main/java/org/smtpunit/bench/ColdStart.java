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

  /**
   * Launches {@code runs} fresh JVMs for each client, the clients taking turns (one launch each,
   * then the next turn), and returns each client's median in milliseconds, in the clients' order.
   * Taking turns lets a slow stretch of the machine fall on every client alike.
   */
  static List<Double> medians(List<String> clients, String host, int port, int runs)
      throws Exception {
    List<List<Double>> millis = new ArrayList<>();
    clients.forEach(c -> millis.add(new ArrayList<>()));
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < clients.size(); i++) {
        millis.get(i).add(launch(clients.get(i), host, port));
      }
    }
    List<Double> medians = new ArrayList<>();
    for (List<Double> m : millis) {
      medians.add(Report.median(m));
    }
    return medians;
  }

  /** One fresh JVM running one transaction; returns its figure in milliseconds. */
  private static double launch(String client, String host, int port) throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
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
    return Long.parseLong(line.substring(5).trim()) / 1e6;
  }
}
