package org.smtpunit.samples;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.smtpunit.Credentials;
import org.smtpunit.junit.SmtpConfiguration;
import org.smtpunit.junit.SmtpTarget;

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
    Optional<Credentials> credentials =
        SmtpConfiguration.credentials(context::getConfigurationParameter);
    // With credentials, the authentication check runs on the target itself unless told otherwise.
    Optional<String> authTarget =
        get(context, "auth.target")
            .or(
                () ->
                    credentials.isPresent()
                        ? config(context, SmtpTarget.TARGET_PROPERTY_NAME)
                        : Optional.empty());
    return new Walkthrough(
        get(context, "helo").orElse("contoso.com"),
        get(context, "from").orElse("chris@contoso.com"),
        to,
        get(context, "unknown").orElse("nobody-smtpunit@" + domain),
        get(context, "mx.expected"),
        authTarget,
        get(context, "dsn.dir"),
        get(context, "recipients"),
        get(context, "mx").or(() -> config(context, SmtpTarget.MX_PROPERTY_NAME)),
        config(context, SmtpTarget.DNS_SERVER_PROPERTY_NAME),
        credentials);
  }

  private static Optional<String> get(ExtensionContext context, String key) {
    return config(context, "smtpunit.sample." + key);
  }

  private static Optional<String> config(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).filter(v -> !v.isBlank());
  }
}
