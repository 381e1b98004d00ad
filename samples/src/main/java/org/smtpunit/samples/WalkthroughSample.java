package org.smtpunit.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smtpunit.junit.SmtpTarget;

/**
 * A sample of the walkthrough: {@code @SmtpTarget} (the embedded server unless {@code
 * smtpunit.target} or {@code smtpunit.mx} says otherwise) plus the {@link Walkthrough} values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SmtpTarget(replyTimeout = "30s", connectTimeout = "20s")
@ExtendWith(WalkthroughParameters.class)
public @interface WalkthroughSample {}
