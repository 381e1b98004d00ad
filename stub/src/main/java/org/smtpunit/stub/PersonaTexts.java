package org.smtpunit.stub;

import java.util.List;
import java.util.Set;

/**
 * The replies of one {@link Persona}. Placeholders filled in per connection: {@code {date}} (RFC
 * 5322 date), {@code {ip}} (the client's address), {@code {domain}} (the EHLO argument), {@code
 * {id}} (a fresh GUID), {@code {qid}} (a fresh Postfix queue id), {@code {arg}} (the command's
 * argument).
 *
 * @param host the server name the replies use
 * @param greeting the 220 greeting
 * @param hello the first EHLO line (without code) and the HELO reply text
 * @param extensions the EHLO keywords after the first line, STARTTLS and AUTH included
 * @param invalidDomain the reply to an EHLO argument that is no domain name; empty to accept any
 * @param helloFirst the reply to MAIL before EHLO/HELO
 * @param authRequired the reply to MAIL before AUTH once authentication is required
 * @param badSender the reply to a malformed sender address
 * @param nestedMail the reply to MAIL inside a transaction
 * @param senderOk the reply to an accepted MAIL
 * @param needMail the reply to RCPT before MAIL
 * @param badRecipient the reply to a malformed recipient address
 * @param unknownUser the reply to a recipient at {@code mailboxDomain} not in {@code mailboxes}
 * @param mailboxDomain the domain whose mailboxes are checked; empty to accept every recipient
 * @param mailboxes the local parts that exist at {@code mailboxDomain}
 * @param recipientOk the reply to an accepted RCPT
 * @param needRecipient the reply to DATA or BDAT without an accepted recipient
 * @param startData the 354 reply to DATA
 * @param queued the reply after the content
 * @param chunkOk the reply to a BDAT chunk that is not the last
 * @param reset the reply to RSET
 * @param noop the reply to NOOP
 * @param vrfy the reply to VRFY
 * @param expn the reply to EXPN
 * @param help the reply to HELP
 * @param quit the reply to QUIT
 * @param unknown the reply to an unknown command
 * @param syntax the reply to a command with a missing or wrong argument
 * @param startTls the reply to STARTTLS
 * @param alreadyTls the reply to STARTTLS inside TLS
 * @param authOk the reply to a successful AUTH
 * @param authFailed the reply to a failed AUTH
 * @param authUnknown the reply to an unknown mechanism
 * @param authCancelled the reply to a cancelled exchange ({@code *})
 * @param lineTooLong the reply to a command line over the limit
 * @param tooBig the reply after content over the size limit
 */
record PersonaTexts(
    String host,
    String greeting,
    String hello,
    List<String> extensions,
    String invalidDomain,
    String helloFirst,
    String authRequired,
    String badSender,
    String nestedMail,
    String senderOk,
    String needMail,
    String badRecipient,
    String unknownUser,
    String mailboxDomain,
    Set<String> mailboxes,
    String recipientOk,
    String needRecipient,
    String startData,
    String queued,
    String chunkOk,
    String reset,
    String noop,
    String vrfy,
    String expn,
    String help,
    String quit,
    String unknown,
    String syntax,
    String startTls,
    String alreadyTls,
    String authOk,
    String authFailed,
    String authUnknown,
    String authCancelled,
    String lineTooLong,
    String tooBig) {}
