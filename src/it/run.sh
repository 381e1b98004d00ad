#!/usr/bin/env bash
# The sample suite against real servers: starts Postfix, smtp-sink and dnsmasq on loopback
# (start.sh), runs the runner jar against them through configuration parameters, and stops
# everything afterwards, also when the suite fails. Needs samples/target/smtpunit.jar
# (mvn -B verify builds it). Run as root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export SMTPUNIT_IT_STATE=${SMTPUNIT_IT_STATE:-$(mktemp -d "${TMPDIR:-/tmp}/smtpunit-it.XXXXXX")}
export SMTPUNIT_IT_PASSWORD=${SMTPUNIT_IT_PASSWORD:-Contoso-Test-1}
trap 'bash "$here/stop.sh"' EXIT

bash "$here/start.sh"
# shellcheck source=/dev/null
. "$SMTPUNIT_IT_STATE/servers.env"

cd "$repo"
SMTPUNIT_AUTH_PASSWORD=$SMTPUNIT_IT_PASSWORD java -jar samples/target/smtpunit.jar \
  --target "$SMTPUNIT_IT_TARGET" \
  --dns-server "$SMTPUNIT_IT_DNS" \
  --trust-cert "$SMTPUNIT_IT_CERT" \
  --config "smtpunit.auth.username=$SMTPUNIT_IT_USER" \
  --transcripts target/smtpunit-it/transcripts \
  --reports target/smtpunit-it/reports \
  --config smtpunit.sample.mx=fabrikam.com \
  --config "smtpunit.sample.mx.expected=10 mail1.fabrikam.com,20 mail2.fabrikam.com" \
  --config "smtpunit.sample.auth.target=$SMTPUNIT_IT_SUBMISSION" \
  --config "smtpunit.sample.dsn.dir=$SMTPUNIT_IT_DSN_DIR" \
  --config "smtpunit.sample.recipients=$here/recipients.csv"
bash "$here/dovecot/check.sh"
bash "$here/suites/run.sh"
bash "$here/security/run.sh" # --checks security: hardened passes, open relay fails
