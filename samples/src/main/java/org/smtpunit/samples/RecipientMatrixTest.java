package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;

/**
 * A QA regression suite's shape: a CSV of recipients and the reply each must get. The expected
 * value is a reply class ({@code 2xx}, {@code 4xx}, {@code 5xx}) that holds on any server, or an
 * exact code ({@code 550}) pinned for one's own. The built-in matrix is the walkthrough's; {@code
 * smtpunit.sample.recipients} names a file of one's own.
 */
@WalkthroughSample
class RecipientMatrixTest {

  /** The configuration key naming a CSV file of recipients. */
  static final String RECIPIENTS_KEY = "smtpunit.sample.recipients";

  @ParameterizedTest(name = "RCPT TO:<{0}> gets {1}")
  @ArgumentsSource(Matrix.class)
  void each_recipient_gets_its_reply(
      String address, String expected, SmtpSession smtp, Walkthrough w) {
    smtp.ehlo(w.helo());
    assertThat(smtp.mailFrom(w.from()).isPositiveCompletion()).as("MAIL FROM accepted").isTrue();

    SmtpReply reply = smtp.rcptTo(address);

    if (expected.endsWith("xx")) {
      assertThat(reply.code() / 100).as("class of [%s]", reply).isEqualTo(expected.charAt(0) - '0');
    } else {
      assertThat(reply.code()).as("code of [%s]", reply).isEqualTo(Integer.parseInt(expected));
    }
  }

  /** Rows from {@code smtpunit.sample.recipients}, or the walkthrough's own. */
  static final class Matrix implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(
        ParameterDeclarations parameters, ExtensionContext context) {
      Optional<String> file =
          context.getConfigurationParameter(RECIPIENTS_KEY).filter(v -> !v.isBlank());
      List<Recipients.Row> rows;
      if (file.isPresent()) {
        rows = Recipients.read(Path.of(file.get()));
      } else {
        String to =
            context.getConfigurationParameter("smtpunit.sample.to").orElse("kate@fabrikam.com");
        rows = List.of(new Recipients.Row(to, "2xx"));
      }
      return rows.stream().map(r -> Arguments.of(r.address(), r.expected()));
    }
  }
}
