/**
 * The walkthrough as test classes (steps 2 to 4, recipients, delivery notifications) and the runner
 * behind {@code smtpunit.jar}, which runs them against the embedded server or a server of yours and
 * prints each check.
 */
package org.smtpunit.samples;
