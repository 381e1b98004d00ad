package org.smtpunit.stub;

import java.util.Optional;

/**
 * The stub's answer to one command: the reply (a rule's, else the responder's), the fault a rule
 * adds to it, and the code the client sees, which decides how the conversation goes on.
 *
 * @param reply the reply as it goes on the wire, lines separated by {@code \n}
 * @param fault how a rule misbehaves in place of plainly sending the reply, if it does
 * @param code the reply code the client sees (the code of what a fault sends instead, if it does),
 *     0 when that starts with no three digits
 */
record Answer(String reply, Optional<Fault> fault, int code) {

  /** Returns the rule's answer where a rule claimed the command, else {@code base}. */
  static Answer of(Optional<Rule> rule, String base) {
    String reply = rule.flatMap(Rule::reply).orElse(base);
    Optional<Fault> fault = rule.flatMap(Rule::fault);
    return new Answer(reply, fault, code(fault.flatMap(Fault::sentInstead).orElse(reply)));
  }

  /** Returns whether the reply reaches the client, perhaps late or oddly framed by a fault. */
  boolean deliversReply() {
    return fault.map(Fault::deliversReply).orElse(true);
  }

  /** Returns whether the code is a positive completion (2xx). */
  boolean positive() {
    return code / 100 == 2;
  }

  private static int code(String reply) {
    if (reply.length() >= 3
        && Character.isDigit(reply.charAt(0))
        && Character.isDigit(reply.charAt(1))
        && Character.isDigit(reply.charAt(2))) {
      return Integer.parseInt(reply.substring(0, 3));
    }
    return 0;
  }
}
