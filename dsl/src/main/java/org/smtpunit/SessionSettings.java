package org.smtpunit;

import java.time.Duration;

/**
 * What a session and its opener need from the {@code SmtpClient} that made them, as one immutable
 * value, so that neither depends on the client.
 *
 * @param connectTimeout the time allowed to open the TCP connection
 * @param replyTimeout the time allowed for each complete reply
 * @param tlsMode how the session uses TLS
 * @param clientDomain the domain named in the client's own EHLO before STARTTLS
 * @param allowPlaintextAuth whether AUTH may be sent without encryption
 * @param tls the trust and protocol settings of the handshake
 */
record SessionSettings(
    Duration connectTimeout,
    Duration replyTimeout,
    TlsMode tlsMode,
    String clientDomain,
    boolean allowPlaintextAuth,
    TlsSettings tls) {}
