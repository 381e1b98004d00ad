package org.smtpunit.samples;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.smtpunit.Credentials;

/** Resolves {@link Walkthrough} from configuration parameters, with the walkthrough's defaults. */
final class WalkthroughParameters implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Walkthrough.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String to = get(context, "to").orElse("kate@fabrikam.com");
    String domain = to.substring(to.lastIndexOf('@') + 1);
    return new Walkthrough(
        get(context, "helo").orElse("contoso.com"),
        get(context, "from").orElse("chris@contoso.com"),
        to,
        get(context, "unknown").orElse("nobody-smtpunit@" + domain),
        get(context, "mx.expected"),
        get(context, "auth.target"),
        get(context, "dsn.dir"),
        get(context, "recipients"),
        get(context, "mx")
            .or(() -> context.getConfigurationParameter("smtpunit.mx").filter(v -> !v.isBlank())),
        context.getConfigurationParameter("smtpunit.dns.server").filter(v -> !v.isBlank()),
        context
            .getConfigurationParameter("smtpunit.auth.username")
            .filter(v -> !v.isBlank())
            .flatMap(
                user ->
                    context
                        .getConfigurationParameter("smtpunit.auth.password")
                        .or(() -> Optional.ofNullable(System.getenv("SMTPUNIT_AUTH_PASSWORD")))
                        .map(password -> Credentials.of(user, password))));
  }

  private static Optional<String> get(ExtensionContext context, String key) {
    return context.getConfigurationParameter("smtpunit.sample." + key).filter(v -> !v.isBlank());
  }
}
