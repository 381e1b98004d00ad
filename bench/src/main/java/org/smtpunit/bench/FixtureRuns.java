package org.smtpunit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Runs the {@link EmbeddedBench} fixtures through the JUnit Platform Launcher and times them. */
final class FixtureRuns {

  /**
   * Per-test wall times of a fixture with the extension and of its floor, medians of the rounds.
   */
  record Overhead(double perTestMillis, double floorMillis) {
    double overheadMillis() {
      return perTestMillis - floorMillis;
    }
  }

  private FixtureRuns() {}

  /**
   * Times a fixture and its floor, taking turns for {@code rounds} rounds so neither the order nor
   * a noisy moment favours one; returns the median round of each.
   */
  static Overhead overhead(
      Class<?> fixture, Class<?> floor, Path transcripts, Map<String, String> config, int rounds) {
    List<Double> measured = new ArrayList<>();
    List<Double> floors = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      floors.add(perTestMillis(floor, transcripts, config));
      measured.add(perTestMillis(fixture, transcripts, config));
    }
    return new Overhead(Report.median(measured), Report.median(floors));
  }

  /** Runs the fixture once; returns its wall time divided by the tests that passed. */
  static double perTestMillis(Class<?> fixture, Path transcripts, Map<String, String> config) {
    long start = System.nanoTime();
    long tests = launch(fixture, transcripts, config);
    return (System.nanoTime() - start) / 1e6 / tests;
  }

  /** Runs the fixture; returns how many tests passed, or fails naming the fixture. */
  static long launch(Class<?> fixture, Path transcripts, Map<String, String> config) {
    Map<String, String> parameters = new HashMap<>(config);
    parameters.put("smtpunit.transcripts.dir", transcripts.toString());
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(fixture))
            .configurationParameters(parameters)
            .build(),
        summary);
    if (summary.getSummary().getTotalFailureCount() > 0) {
      summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
      throw new IllegalStateException(fixture.getSimpleName() + " failed");
    }
    return summary.getSummary().getTestsSucceededCount();
  }
}
