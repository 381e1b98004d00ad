package org.smtpunit.stub;

import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Answers as a {@link Persona} would, from the connection's state. */
final class PersonaResponder implements Responder {

  private static final Pattern DOMAIN =
      Pattern.compile(
          "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
              + "|\\[[0-9A-Fa-f:.]+\\]|\\[IPv6:[0-9A-Fa-f:.]+\\]");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PersonaTexts texts;
  private final Script script;

  PersonaResponder(Persona persona, Script script) {
    this.texts = persona.texts();
    this.script = script;
  }

  PersonaTexts texts() {
    return texts;
  }

  @Override
  public String greeting(Dialogue dialogue) {
    return fill(texts.greeting(), dialogue, "");
  }

  @Override
  public boolean runsSasl() {
    return true;
  }

  @Override
  public String reply(SmtpVerb verb, String line, String argument, Dialogue d) {
    String text =
        switch (verb) {
          case HELO -> hello(argument, false, d);
          case EHLO -> hello(argument, true, d);
          case STARTTLS -> d.tls ? texts.alreadyTls() : texts.startTls();
          case AUTH -> texts.authOk();
          case MAIL -> mail(argument, d);
          case RCPT -> rcpt(argument, d);
          case DATA ->
              d.sender == null
                  ? texts.needMail()
                  : d.recipients.isEmpty() ? texts.needRecipient() : texts.startData();
          case BDAT -> bdat(argument, d);
          case CONTENT -> texts.queued();
          case RSET -> texts.reset();
          case NOOP -> texts.noop();
          case VRFY -> argument.isEmpty() ? texts.syntax() : texts.vrfy();
          case EXPN -> texts.expn();
          case HELP -> texts.help();
          case QUIT -> texts.quit();
          case CONNECT -> texts.greeting();
          case UNKNOWN -> texts.unknown();
        };
    return fill(text, d, argument);
  }

  @Override
  public String afterContent(Dialogue dialogue, boolean tooBig) {
    return fill(tooBig ? texts.tooBig() : texts.queued(), dialogue, "");
  }

  private String hello(String domain, boolean extended, Dialogue d) {
    if (domain.isEmpty()) {
      return texts.syntax();
    }
    if (!texts.invalidDomain().isEmpty() && !DOMAIN.matcher(domain).matches()) {
      return texts.invalidDomain();
    }
    if (!extended) {
      return "250 " + texts.hello();
    }
    List<String> keywords = script.advertised().orElse(texts.extensions());
    if (d.tls) {
      // RFC 3207 §4.2: STARTTLS is not offered again inside TLS.
      keywords = keywords.stream().filter(k -> !k.equalsIgnoreCase("STARTTLS")).toList();
    }
    StringBuilder reply = new StringBuilder(256).append(keywords.isEmpty() ? "250 " : "250-");
    reply.append(texts.hello());
    for (int i = 0; i < keywords.size(); i++) {
      reply.append(i == keywords.size() - 1 ? "\n250 " : "\n250-").append(keywords.get(i));
    }
    return reply.toString();
  }

  private String mail(String argument, Dialogue d) {
    if (!d.greeted) {
      return texts.helloFirst();
    }
    if (script.authenticationRequired() && !d.authenticated) {
      return texts.authRequired();
    }
    if (d.sender != null) {
      return texts.nestedMail();
    }
    return Envelope.parse(argument).wellFormed() ? texts.senderOk() : texts.badSender();
  }

  private String rcpt(String argument, Dialogue d) {
    if (d.sender == null) {
      return texts.needMail();
    }
    Envelope recipient = Envelope.parse(argument);
    if (!recipient.wellFormed() || recipient.address().isEmpty()) {
      return texts.badRecipient();
    }
    if (!texts.mailboxDomain().isEmpty()
        && recipient.domain().equals(texts.mailboxDomain())
        && !texts.mailboxes().contains(recipient.localPart())) {
      return texts.unknownUser().replace("{arg}", recipient.address());
    }
    return texts.recipientOk();
  }

  private String bdat(String argument, Dialogue d) {
    if (Chunk.parse(argument).isEmpty()) {
      return texts.syntax();
    }
    if (d.sender == null) {
      return texts.needMail();
    }
    if (d.recipients.isEmpty()) {
      return texts.needRecipient();
    }
    if (d.chunksTooBig) {
      return texts.tooBig();
    }
    return Chunk.parse(argument).get().last() ? texts.queued() : texts.chunkOk();
  }

  private String fill(String text, Dialogue d, String argument) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    return text.replace("{date}", DATE.format(ZonedDateTime.now()))
        .replace("{ip}", d.client.getHostAddress())
        .replace("{domain}", argument)
        .replace("{id}", UUID.randomUUID().toString())
        .replace("{qid}", HexFormat.of().withUpperCase().formatHex(randomBytes()).substring(1))
        .replace("{arg}", argument);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
