package org.smtpunit.stub;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smtpunit.Transcript;

/**
 * A scriptable SMTP server for tests, on an ephemeral loopback port: any reply at any stage, the
 * faults no real server produces on demand, the replies of Exchange or Postfix, STARTTLS and AUTH,
 * and the replay of a recorded session. What WireMock is for HTTP.
 *
 * <pre>{@code
 * try (SmtpStub stub = SmtpStub.start()) {
 *   stub.on(SmtpVerb.RCPT).matching("nobody@.*").reply("550 5.1.1 User unknown");
 *   stub.on(SmtpVerb.DATA).fault(Fault.closeConnection());
 *   // ... any SMTP client pointed at stub.host(), stub.port() ...
 *   assertThat(stub.receivedMessages()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>With no persona and no rule it accepts everything ({@link Persona#ACCEPT_ALL}). Rules apply to
 * commands received after they are added, on every connection; later rules win. It listens on
 * loopback only unless {@link Builder#address(InetAddress)} says otherwise; a client sending an
 * endless line or endless content costs it no more memory than {@link Builder#maxLineLength} and
 * {@link Builder#maxMessageSize}; {@link #close()} ends every connection and thread it started.
 */
public final class SmtpStub implements AutoCloseable {

  // Package-private for the stub's own tests: its threads, open connections and failures.
  final StubState state;
  final StubServer server;

  private SmtpStub(Builder builder) {
    this.state = new StubState(builder.persona, builder.recording, builder.limits, builder.address);
    this.server = new StubServer(builder.address, builder.port, state, builder.implicitTls);
  }

  /** Starts a stub that accepts everything, on an ephemeral port of 127.0.0.1. */
  public static SmtpStub start() {
    return builder().start();
  }

  /** Starts a stub answering as the persona, on an ephemeral port of 127.0.0.1. */
  public static SmtpStub start(Persona persona) {
    return builder().persona(persona).start();
  }

  /**
   * Starts a stub that answers the commands of the transcript with its recorded replies, in order;
   * a command that differs gets {@code 503 5.5.1} and is listed by {@link #mismatches()}.
   *
   * @throws IllegalArgumentException when the transcript holds no server reply
   */
  public static SmtpStub replaying(Transcript transcript) {
    return builder().replaying(transcript).start();
  }

  /**
   * Like {@link #replaying(Transcript)}, from a transcript file as the extension and the runner
   * write them.
   *
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when it holds no server reply
   */
  public static SmtpStub replaying(Path transcriptFile) {
    return builder().replaying(transcriptFile).start();
  }

  /** Returns a builder for a stub on another address or port, with implicit TLS or limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the address to connect to, e.g. {@code 127.0.0.1}. */
  public String host() {
    return server.address().getHostAddress();
  }

  /** Returns the port it listens on. */
  public int port() {
    return server.port();
  }

  /** Answers new connections with this greeting instead of the persona's (or recording's). */
  public SmtpStub greeting(String greeting) {
    state.script.greeting(OnCommand.wire(greeting));
    return this;
  }

  /** Answers EHLO with these keywords after its first line, e.g. {@code "SIZE 1000", "DSN"}. */
  public SmtpStub advertise(String... extensions) {
    Arrays.stream(extensions).forEach(OnCommand::wire);
    state.script.advertise(Arrays.asList(extensions));
    return this;
  }

  /**
   * Starts a rule for this verb: finish it with {@code reply}, {@code replyOnce} or {@code fault}.
   */
  public OnCommand<SmtpStub> on(SmtpVerb verb) {
    return new OnCommand<>(verb, state.script::add, this);
  }

  /** Refuses MAIL FROM before a successful AUTH, in the persona's words ({@code 530 ...}). */
  public SmtpStub requireAuthentication() {
    state.script.requireAuthentication();
    return this;
  }

  /**
   * Adds an account for AUTH PLAIN, LOGIN, CRAM-MD5 and XOAUTH2 (where the password is the token).
   */
  public SmtpStub addUser(String name, String password) {
    state.script.addUser(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
    return this;
  }

  /**
   * Forgets every rule, user, greeting, keyword list and authentication requirement, and everything
   * it saw (commands, messages, mismatches): back to how it started. Open connections stay open.
   */
  public SmtpStub reset() {
    state.reset();
    return this;
  }

  /** Presents this certificate (the key store's first key entry) from the next handshake on. */
  public SmtpStub withCertificate(KeyStore keyStore, char[] password) {
    state.tls.use(keyStore, password);
    return this;
  }

  /** Like {@link #withCertificate(KeyStore, char[])} for a key store whose key has no password. */
  public SmtpStub withCertificate(KeyStore keyStore) {
    return withCertificate(keyStore, new char[0]);
  }

  /** Returns the certificate it presents: self-signed, generated at start, for loopback names. */
  public X509Certificate certificate() {
    return state.tls.certificate();
  }

  /** Returns a trust store holding only {@link #certificate()}, for {@code SmtpClient.trust}. */
  public KeyStore trustStore() {
    return state.tls.trustStore();
  }

  /**
   * Returns every command line received, in order, exactly as sent (without CRLF); message content
   * and SASL responses are not commands, and an AUTH initial response shows as {@code ****}. The
   * first 100,000 are kept.
   */
  public List<String> commands() {
    return List.copyOf(state.commands);
  }

  /** Returns the messages accepted so far, oldest first (the first 100,000). */
  public List<StubMessage> receivedMessages() {
    return state.inbox.messages();
  }

  /**
   * Waits until at least {@code count} messages arrived and returns them all.
   *
   * @throws AssertionError when fewer arrived within the timeout
   */
  public List<StubMessage> awaitMessages(int count, Duration timeout) {
    return state.inbox.await(count, timeout);
  }

  /** Returns how many connections it accepted. */
  public int connections() {
    return server.accepted();
  }

  /** Returns the commands a replaying stub did not expect (always empty when not replaying). */
  public List<Mismatch> mismatches() {
    return List.copyOf(state.mismatches);
  }

  /** Closes the listener and every connection, and waits for every thread it started to end. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "SmtpStub[" + host() + ":" + port() + ", " + connections() + " connections]";
  }

  /**
   * How to start a {@link SmtpStub} that differs from the defaults.
   *
   * <pre>{@code
   * SmtpStub smtps = SmtpStub.builder().persona(Persona.POSTFIX).implicitTls().start();
   * }</pre>
   */
  public static final class Builder {
    private Persona persona = Persona.ACCEPT_ALL;
    private Recording recording;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private boolean implicitTls;
    private StubLimits limits = StubLimits.DEFAULTS;

    private Builder() {}

    /** Answers as this persona (default {@link Persona#ACCEPT_ALL}). */
    public Builder persona(Persona persona) {
      this.persona = Objects.requireNonNull(persona, "persona");
      return this;
    }

    /** Replays this transcript (see {@link SmtpStub#replaying(Transcript)}). */
    public Builder replaying(Transcript transcript) {
      this.recording = Recording.of(transcript);
      return this;
    }

    /** Replays this transcript file (see {@link SmtpStub#replaying(Path)}). */
    public Builder replaying(Path transcriptFile) {
      this.recording = Recording.of(transcriptFile);
      return this;
    }

    /** Listens on this address instead of loopback (e.g. for a container to reach it). */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Listens on this port instead of an ephemeral one.
     *
     * @throws IllegalArgumentException when the port is outside 0-65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Starts TLS on connect, before the greeting (RFC 8314 implicit TLS, as on port 465). */
    public Builder implicitTls() {
      this.implicitTls = true;
      return this;
    }

    /**
     * Keeps at most this many bytes of a command line (default 4096) and answers a longer one with
     * the persona's "line too long" reply.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxLineLength(int bytes) {
      this.limits = new StubLimits(bytes, limits.maxMessageSize());
      return this;
    }

    /**
     * Keeps at most this many bytes of a message (default 64 MiB) and refuses a larger one with
     * {@code 552 5.3.4} after its final dot.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxMessageSize(long bytes) {
      this.limits = new StubLimits(limits.maxLineLength(), bytes);
      return this;
    }

    /**
     * Starts the stub.
     *
     * @throws java.io.UncheckedIOException when it cannot listen on the address and port
     */
    public SmtpStub start() {
      return new SmtpStub(this);
    }
  }
}
