package org.smtpunit.checks;

import java.util.Optional;
import java.util.function.Supplier;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.SmtpTlsException;
import org.smtpunit.TlsInfo;

/** The STARTTLS policy check: what a plain-text client is allowed, then the upgrade. */
final class StartTlsProbe {

  private final String clientDomain;

  StartTlsProbe(String clientDomain) {
    this.clientDomain = clientDomain;
  }

  StartTlsCheck run(Supplier<SmtpSession> plainText) {
    Optional<EhloReply> ehlo = Optional.empty();
    Optional<SmtpReply> mail = Optional.empty();
    SmtpSession smtp = null;
    try {
      smtp = plainText.get();
      EhloReply plainEhlo = smtp.ehlo(clientDomain);
      ehlo = Optional.of(plainEhlo);
      if (!plainEhlo.reply().isPositiveCompletion()) {
        MailServerChecks.politeEnd(smtp);
        return new StartTlsCheck(
            false,
            false,
            false,
            ehlo,
            mail,
            Optional.empty(),
            true,
            "EHLO was not accepted (" + plainEhlo.reply() + "), so no capability is known",
            smtp.transcript());
      }
      boolean offered = plainEhlo.supports("STARTTLS");
      boolean authInPlainText = plainEhlo.supports("AUTH");
      SmtpReply plainMail = smtp.mailFrom("");
      mail = Optional.of(plainMail);
      if (plainMail.isTransientNegative()) {
        MailServerChecks.politeEnd(smtp);
        return new StartTlsCheck(
            offered,
            false,
            !authInPlainText,
            ehlo,
            mail,
            Optional.empty(),
            true,
            "MAIL FROM:<> in plain text got a temporary failure (" + plainMail + ")",
            smtp.transcript());
      }
      boolean requiredBeforeMail = plainMail.isPermanentNegative();
      smtp.rset();
      String policy =
          (offered ? "STARTTLS offered" : "STARTTLS NOT offered")
              + (requiredBeforeMail
                  ? ", mail refused before it (" + plainMail + ")"
                  : ", mail accepted in plain text")
              + (authInPlainText ? ", AUTH offered in plain text" : ", no AUTH in plain text");
      if (!offered) {
        MailServerChecks.quit(smtp);
        return new StartTlsCheck(
            false,
            requiredBeforeMail,
            !authInPlainText,
            ehlo,
            mail,
            Optional.empty(),
            false,
            policy,
            smtp.transcript());
      }
      return upgrade(smtp, requiredBeforeMail, !authInPlainText, ehlo, mail, policy);
    } catch (SmtpException e) {
      return new StartTlsCheck(
          ehlo.map(r -> r.supports("STARTTLS")).orElse(false),
          false,
          false,
          ehlo,
          mail,
          Optional.empty(),
          true,
          MailServerChecks.broke(e),
          e.transcript());
    } finally {
      if (smtp != null) {
        smtp.close();
      }
    }
  }

  private StartTlsCheck upgrade(
      SmtpSession smtp,
      boolean beforeMail,
      boolean beforeAuth,
      Optional<EhloReply> ehlo,
      Optional<SmtpReply> mail,
      String policy) {
    SmtpReply start;
    try {
      start = smtp.startTls();
    } catch (SmtpTlsException e) {
      return new StartTlsCheck(
          true,
          beforeMail,
          beforeAuth,
          ehlo,
          mail,
          Optional.empty(),
          false,
          policy + "; the TLS handshake FAILED: " + e.getMessage(),
          e.transcript());
    }
    if (start.code() != 220) {
      MailServerChecks.quit(smtp);
      return new StartTlsCheck(
          true,
          beforeMail,
          beforeAuth,
          ehlo,
          mail,
          Optional.empty(),
          false,
          policy + "; but STARTTLS was answered [" + start + "]",
          smtp.transcript());
    }
    Optional<TlsInfo> tls = smtp.tls();
    smtp.ehlo(clientDomain);
    MailServerChecks.quit(smtp);
    return new StartTlsCheck(
        true,
        beforeMail,
        beforeAuth,
        ehlo,
        mail,
        tls,
        false,
        policy + "; TLS: " + tls.map(TlsInfo::toString).orElse("?"),
        smtp.transcript());
  }
}
