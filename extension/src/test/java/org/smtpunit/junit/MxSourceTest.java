package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.dns.DnsLookupException;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.testing.TestDnsServer;

/** {@code @MxSource}: one invocation per exchanger, through the extension's DNS settings. */
class MxSourceTest {

  private static TestDnsServer dns;
  private static SmtpStub smtp;

  @BeforeAll
  static void start() throws Exception {
    dns = new TestDnsServer();
    smtp = SmtpStub.start(Persona.EXCHANGE_2013);
  }

  @AfterAll
  static void stop() {
    dns.close();
    smtp.close();
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("smtpunit.dns.server", "127.0.0.1:" + dns.port())
        .execute();
  }

  private static List<String> invocationNames(EngineExecutionResults results) {
    return results.testEvents().started().stream()
        .map(Event::getTestDescriptor)
        .map(d -> d.getDisplayName())
        .toList();
  }

  /** No invocation ran, and the test template failed with a DnsLookupException. */
  private static void assertContainerFailed(
      EngineExecutionResults results, Predicate<String> message) {
    results.testEvents().assertStatistics(s -> s.started(0));
    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container("eachExchanger"),
                finishedWithFailure(instanceOf(DnsLookupException.class), message(message))));
  }

  static class FabrikamTestCase {
    static final List<MxRecord> SEEN = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @MxSource("fabrikam.com")
    void eachExchanger(MxRecord exchanger) {
      SEEN.add(exchanger);
    }
  }

  @Test
  void provides_each_exchanger_in_preference_order_named_by_host_and_preference() {
    FabrikamTestCase.SEEN.clear();

    EngineExecutionResults results = run(FabrikamTestCase.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(invocationNames(results))
        .containsExactly("[1] mail1.fabrikam.com (10)", "[2] mail2.fabrikam.com (20)");
    assertThat(FabrikamTestCase.SEEN)
        .extracting(MxRecord::exchange, MxRecord::preference)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mail1.fabrikam.com", 10),
            org.assertj.core.groups.Tuple.tuple("mail2.fabrikam.com", 20));
  }

  static class ImplicitTestCase {
    @ParameterizedTest
    @MxSource("aonly.test")
    void eachExchanger(MxRecord exchanger) {
      assertThat(exchanger.exchange()).isEqualTo("aonly.test");
    }
  }

  @Test
  void an_implicit_mx_gives_one_invocation_for_the_domains_own_host() {
    EngineExecutionResults results = run(ImplicitTestCase.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(invocationNames(results)).containsExactly("[1] aonly.test (0)");
  }

  static class NullMxTestCase {
    @ParameterizedTest
    @MxSource("nullmx.test")
    void eachExchanger(MxRecord exchanger) {}
  }

  @Test
  void a_null_mx_fails_the_test_container_with_the_dns_reason() {
    EngineExecutionResults results = run(NullMxTestCase.class);

    assertContainerFailed(
        results,
        m ->
            m.startsWith(
                "@MxSource(\"nullmx.test\"): nullmx.test publishes a null MX"
                    + " (RFC 7505, MX 0 .): it accepts no mail"));
  }

  static class NoMailTestCase {
    @ParameterizedTest
    @MxSource("txtonly.test")
    void eachExchanger(MxRecord exchanger) {}
  }

  @Test
  void a_domain_with_neither_mx_nor_address_fails_the_test_container_with_the_dns_reason() {
    EngineExecutionResults results = run(NoMailTestCase.class);

    assertContainerFailed(results, m -> m.contains("txtonly.test"));
  }

  @SmtpTarget
  static class SessionPerExchangerTestCase {
    static int port;

    @ParameterizedTest
    @MxSource("fallback.test")
    void greets(MxRecord exchanger, SmtpClient client) {
      try (SmtpSession session = client.open(exchanger, port)) {
        assertThat(session.remoteHost()).isEqualTo(exchanger.exchange());
        assertThat(session.greeting().code()).isEqualTo(220);
      }
    }
  }

  @Test
  void each_invocation_opens_its_own_exchanger_through_the_injected_client() {
    SessionPerExchangerTestCase.port = smtp.port();

    EngineExecutionResults results = run(SessionPerExchangerTestCase.class);

    // down.fallback.test is 127.0.0.2, where nothing listens: only that host's test fails.
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1, event(test(), displayName("[1] down.fallback.test (10)"), finishedWithFailure()))
        .haveExactly(
            1, event(test(), displayName("[2] up.fallback.test (20)"), finishedSuccessfully()));
  }
}
