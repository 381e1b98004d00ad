package org.smtpunit.stub;

/** Where the stub's replies come from when no rule gives one: a persona or a recording. */
interface Responder {

  /** Returns the greeting for a new connection. */
  String greeting(Dialogue dialogue);

  /** Returns the reply to one command line (a SASL response line has verb UNKNOWN). */
  String reply(SmtpVerb verb, String line, String argument, Dialogue dialogue);

  /** Returns the reply after the content's final dot. */
  String afterContent(Dialogue dialogue, boolean tooBig);

  /** Returns whether AUTH runs the SASL exchange against the stub's users itself. */
  boolean runsSasl();
}
