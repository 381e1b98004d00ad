package org.smtpunit.checks;

import java.util.Optional;
import java.util.function.Supplier;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.SmtpTlsException;
import org.smtpunit.TlsInfo;
import org.smtpunit.Transcript;

/** The STARTTLS policy check: what a plain-text client is allowed, then the upgrade. */
final class StartTlsProbe {

  private final String clientDomain;

  StartTlsProbe(String clientDomain) {
    this.clientDomain = clientDomain;
  }

  StartTlsCheck run(Supplier<SmtpSession> plainText) {
    Found found = new Found(false, false, false, Optional.empty(), Optional.empty());
    SmtpSession smtp = null;
    try {
      smtp = plainText.get();
      EhloReply plainEhlo = smtp.ehlo(clientDomain);
      found = new Found(false, false, false, Optional.of(plainEhlo), Optional.empty());
      if (!plainEhlo.reply().isPositiveCompletion()) {
        ProbeEndings.politeEnd(smtp);
        return found.inconclusive(
            "EHLO was not accepted (" + plainEhlo.reply() + "), so no capability is known",
            smtp.transcript());
      }
      boolean offered = plainEhlo.supports("STARTTLS");
      boolean authInPlainText = plainEhlo.supports("AUTH");
      SmtpReply plainMail = smtp.mailFrom("");
      found = new Found(offered, false, !authInPlainText, found.ehlo(), Optional.of(plainMail));
      if (plainMail.isTransientNegative()) {
        ProbeEndings.politeEnd(smtp);
        return found.inconclusive(
            "MAIL FROM:<> in plain text got a temporary failure (" + plainMail + ")",
            smtp.transcript());
      }
      boolean requiredBeforeMail = plainMail.isPermanentNegative();
      found = new Found(offered, requiredBeforeMail, !authInPlainText, found.ehlo(), found.mail());
      smtp.rset();
      String policy =
          (offered ? "STARTTLS offered" : "STARTTLS NOT offered")
              + (requiredBeforeMail
                  ? ", mail refused before it (" + plainMail + ")"
                  : ", mail accepted in plain text")
              + (authInPlainText ? ", AUTH offered in plain text" : ", no AUTH in plain text");
      if (!offered) {
        ProbeEndings.quit(smtp);
        return found.decided(Optional.empty(), policy, smtp.transcript());
      }
      return upgrade(smtp, found, policy);
    } catch (SmtpException e) {
      // Only whether STARTTLS was offered survives a broken conversation.
      return new Found(
              found.ehlo().map(r -> r.supports("STARTTLS")).orElse(false),
              false,
              false,
              found.ehlo(),
              found.mail())
          .inconclusive(ProbeEndings.broke(e), e.transcript());
    } finally {
      if (smtp != null) {
        smtp.close();
      }
    }
  }

  private StartTlsCheck upgrade(SmtpSession smtp, Found found, String policy) {
    SmtpReply start;
    try {
      start = smtp.startTls();
    } catch (SmtpTlsException e) {
      return found.decided(
          Optional.empty(),
          policy + "; the TLS handshake FAILED: " + e.getMessage(),
          e.transcript());
    }
    if (start.code() != 220) {
      ProbeEndings.quit(smtp);
      return found.decided(
          Optional.empty(),
          policy + "; but STARTTLS was answered [" + start + "]",
          smtp.transcript());
    }
    Optional<TlsInfo> tls = smtp.tls();
    smtp.ehlo(clientDomain);
    ProbeEndings.quit(smtp);
    return found.decided(
        tls, policy + "; TLS: " + tls.map(TlsInfo::toString).orElse("?"), smtp.transcript());
  }

  /** What the plain-text part of the conversation found, before any upgrade. */
  private record Found(
      boolean offered,
      boolean requiredBeforeMail,
      boolean requiredBeforeAuth,
      Optional<EhloReply> ehlo,
      Optional<SmtpReply> mail) {

    StartTlsCheck inconclusive(String reason, Transcript transcript) {
      return check(Optional.empty(), true, reason, transcript);
    }

    StartTlsCheck decided(Optional<TlsInfo> tls, String reason, Transcript transcript) {
      return check(tls, false, reason, transcript);
    }

    private StartTlsCheck check(
        Optional<TlsInfo> tls, boolean inconclusive, String reason, Transcript transcript) {
      return new StartTlsCheck(
          offered,
          requiredBeforeMail,
          requiredBeforeAuth,
          ehlo,
          mail,
          tls,
          inconclusive,
          reason,
          transcript);
    }
  }
}
