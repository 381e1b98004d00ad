/**
 * The benchmark: cold start, extension overhead and throughput of SmtpUnit measured against a raw
 * socket floor in the same run, against a local sink and the embedded server (see bench/README.md).
 */
package org.smtpunit.bench;
