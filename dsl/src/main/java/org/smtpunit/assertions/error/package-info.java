/**
 * The failure messages of the SmtpUnit assertions, one factory class per message, each showing the
 * actual value and the transcript that led to it.
 */
package org.smtpunit.assertions.error;
