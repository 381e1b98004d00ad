package org.smtpunit.junit;

import java.lang.annotation.Annotation;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.smtpunit.SmtpClient;
import org.smtpunit.TlsMode;
import org.smtpunit.stub.Persona;

/**
 * {@link SmtpTarget} in code, for {@code @RegisterExtension}: the same injected parameters,
 * transcripts and configuration overrides, with the target and a client of your own built in Java.
 *
 * <pre>{@code
 * class SubmissionTest {
 *   @RegisterExtension
 *   static SmtpTargetExtension smtp =
 *       SmtpTargetExtension.builder()
 *           .target("hub.contoso.com:587")
 *           .client(SmtpClient.builder().tls(TlsMode.STARTTLS).trust(keyStore).build())
 *           .build();
 *
 *   @Test
 *   void refusesAnonymousSenders(SmtpSession smtp) {
 *     assertThat(smtp.ehlo("contoso.com")).isSuccess();
 *   }
 * }
 * }</pre>
 *
 * <p>The client's TLS mode, trust, timeouts and EHLO name are the defaults; configuration
 * parameters ({@link SmtpTarget#TARGET_PROPERTY_NAME} and the others) still override them. Use it
 * instead of, not beside, {@code @SmtpTarget} on the same class.
 */
public final class SmtpTargetExtension extends SmtpExtension {

  private final TargetDeclaration declared;
  private final SmtpClient client;

  private SmtpTargetExtension(Builder builder) {
    this.client = builder.client;
    this.declared = new TargetDeclaration(new Declared(builder.target, builder.mx, client));
  }

  /** Returns a builder: no target (the embedded server) and the default client. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  TargetDeclaration declaration(ExtensionContext context) {
    return declared;
  }

  @Override
  SmtpClient baseClient() {
    return client;
  }

  /** Builds a {@link SmtpTargetExtension}. */
  public static final class Builder {
    private String target = "";
    private String mx = "";
    private SmtpClient client = SmtpClient.defaults();

    private Builder() {}

    /** The server, {@code host} or {@code host:port}, as {@link SmtpTarget#value()}. */
    public Builder target(String hostAndPort) {
      this.target = Objects.requireNonNull(hostAndPort, "hostAndPort");
      return this;
    }

    /** A domain to connect to by MX, as {@link SmtpTarget#mx()}. */
    public Builder mx(String domain) {
      this.mx = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /** The client whose settings (TLS, trust, timeouts, EHLO name) sessions use. */
    public Builder client(SmtpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Builds the extension.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when both a target
     *     and an MX domain are set
     */
    public SmtpTargetExtension build() {
      SmtpTargetExtension extension = new SmtpTargetExtension(this);
      TargetSettings.of(extension.declared.annotation(), key -> Optional.empty(), key -> null);
      return extension;
    }
  }

  /** The builder's choices in the annotation's shape, so both read the same configuration. */
  @SuppressWarnings("ClassExplicitlyAnnotation")
  private record Declared(String value, String mx, SmtpClient client) implements SmtpTarget {
    @Override
    public Class<? extends Annotation> annotationType() {
      return SmtpTarget.class;
    }

    @Override
    public int port() {
      return 25;
    }

    @Override
    public String name() {
      return "";
    }

    @Override
    public TlsMode tls() {
      return client.tlsMode();
    }

    @Override
    public String trustCertificate() {
      return "";
    }

    @Override
    public String trustStore() {
      return "";
    }

    @Override
    public String tlsHostName() {
      return "";
    }

    @Override
    public String ehlo() {
      return "";
    }

    @Override
    public String connectTimeout() {
      return client.connectTimeout().toMillis() + "ms";
    }

    @Override
    public String replyTimeout() {
      return client.replyTimeout().toMillis() + "ms";
    }

    @Override
    public String container() {
      return "";
    }

    @Override
    public int containerPort() {
      return 25;
    }

    @Override
    public boolean stub() {
      return false;
    }

    @Override
    public Persona persona() {
      return Persona.ACCEPT_ALL;
    }
  }
}
