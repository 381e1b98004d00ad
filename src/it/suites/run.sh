#!/usr/bin/env bash
# Issue 11's acceptance scenarios against the running lab (called by src/it/run.sh after the
# sample run, with the servers of $SMTPUNIT_IT_STATE up): the submission port with --trust-cert
# and without it, a port-25 + 587 + MX suite under -Dsmtpunit.target, no password in any output,
# usage errors exit 2 before any connection, and a silent server with --timeout 3s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE}
# shellcheck source=/dev/null
. "$state/servers.env"
password=${SMTPUNIT_IT_PASSWORD:?set SMTPUNIT_IT_PASSWORD}
jar="$repo/samples/target/smtpunit.jar"
out="$repo/target/smtpunit-it/suites"
rm -rf "$out"
mkdir -p "$out"
cd "$repo"

log() { printf 'smtpunit-it suites: %s\n' "$*"; }
fail() { log "FAILED: $*"; exit 1; }

run_jar() { # name expected-status args... (stdout/stderr kept in $out/name.out|.err)
  local name=$1 expected=$2 status=0
  shift 2
  local pw=${auth_password-$password}
  if [ -n "$pw" ]; then
    SMTPUNIT_AUTH_PASSWORD=$pw java -jar "$jar" "$@" >"$out/$name.out" 2>"$out/$name.err" || status=$?
  else
    env -u SMTPUNIT_AUTH_PASSWORD java -jar "$jar" "$@" >"$out/$name.out" 2>"$out/$name.err" || status=$?
  fi
  if [ "$status" != "$expected" ]; then
    cat "$out/$name.out" "$out/$name.err" >&2
    fail "$name exited $status, expected $expected"
  fi
  log "$name: exit $status as expected"
}

# --- The whole walkthrough on the submission port: STARTTLS trusted by --trust-cert, AUTH -----
run_jar submission 0 --target "$SMTPUNIT_IT_SUBMISSION" --tls starttls \
  --trust-cert "$SMTPUNIT_IT_CERT" --auth-user "$SMTPUNIT_IT_USER" \
  --transcripts "$out/submission/transcripts" --reports "$out/submission/reports"
grep -q "^PASS    Step4ReplyCodesTest > an_anonymous_sender_is_refused" "$out/submission.out" \
  || fail "the authentication check did not pass on the submission port"
grep -q "^Transcripts: $out/submission/transcripts" "$out/submission.out" \
  || fail "the run did not say where its transcripts went"

# --- Without --trust-cert the certificate fails, naming the flags -----------------------------
run_jar untrusted 1 --target "$SMTPUNIT_IT_SUBMISSION" --tls starttls \
  --auth-user "$SMTPUNIT_IT_USER" --transcripts "$out/untrusted/transcripts"
grep -q -- "--trust-cert FILE or --trust-store FILE" "$out/untrusted.out" \
  || fail "the certificate failure does not name --trust-cert and --trust-store"

# --- A suite of three shapes keeps them under -Dsmtpunit.target ---------------------------------
mvn -B -q -pl samples -am test -Dtest='Lab*Test' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsmtpunit.it=true -Dsmtpunit.target=127.0.0.1 \
  -Dsmtpunit.dns.server="$SMTPUNIT_IT_DNS" -Dsmtpunit.tls.certificate="$SMTPUNIT_IT_CERT" \
  -Dsmtpunit.transcripts.dir="$out/shape/transcripts" >"$out/shape.out" 2>&1 \
  || { cat "$out/shape.out" >&2; fail "the port-25, 587 and MX classes did not keep their shape"; }
for test in LabPort25Test LabSubmissionTest LabByMxTest; do
  grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" \
    "samples/target/surefire-reports/org.smtpunit.samples.lab.$test.txt" \
    || fail "$test did not run and pass"
done
grep -q "Tests run: 2, Failures: 0, Errors: 0, Skipped: 0" \
  "samples/target/surefire-reports/org.smtpunit.samples.lab.LabMxSourceTest.txt" \
  || fail "@MxSource did not give one passing test per exchanger of the lab's fabrikam.com"
log "shape: the port-25, 587 and MX classes kept their targets under -Dsmtpunit.target"
log "mx-source: @MxSource gave one test per exchanger of fabrikam.com from the lab's dnsmasq"

# --- Usage errors exit 2 before any connection --------------------------------------------------
connections() { grep -c "connect from" "$state/postfix.log" || true; }
before=$(connections)
run_jar usage-tls 2 --target "$SMTPUNIT_IT_TARGET" --tls bogus
run_jar usage-port 2 --target 127.0.0.1:99999
run_jar usage-duration 2 --target "$SMTPUNIT_IT_TARGET" --config smtpunit.timeout.reply=abc
run_jar usage-target 2 --target "$SMTPUNIT_IT_TARGET" --config smtpunit.target=127.0.0.1:25:26
run_jar usage-secret 2 --target "$SMTPUNIT_IT_TARGET" --config "smtpunit.auth.password=$password"
auth_password= run_jar usage-no-password 2 --target "$SMTPUNIT_IT_TARGET" --auth-user x
printf 'address,expected\nkate@fabrikam.com\n' >"$out/bad-recipients.csv"
run_jar usage-csv 2 --target "$SMTPUNIT_IT_TARGET" \
  --config "smtpunit.sample.recipients=$out/bad-recipients.csv"
grep -q "bad-recipients.csv line 2" "$out/usage-csv.err" || fail "the CSV error names no line"
sleep 1
[ "$(connections)" = "$before" ] || fail "a usage error connected to Postfix"
for name in usage-tls usage-port usage-duration usage-target usage-secret usage-csv; do
  ! grep -q "^PASS\|^FAIL" "$out/$name.out" || fail "$name ran checks"
done

# --- A silent server with --timeout 3s ends the whole run in under 12 s ------------------------
java "$here/SilentServer.java" 127.0.0.4 2526 >"$out/silent-server.log" 2>&1 &
silent=$!
trap 'kill $silent 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q listening "$out/silent-server.log" && break; sleep 0.1; done
start=$(date +%s%N)
run_jar silent 1 --target 127.0.0.4:2526 --timeout 3s --transcripts "$out/silent/transcripts"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
kill $silent 2>/dev/null || true
[ "$elapsed_ms" -lt 12000 ] || fail "the silent-server run took ${elapsed_ms} ms (limit 12000)"
grep -q "did not answer within 3 s earlier in this run" "$out/silent.out" \
  || fail "later checks do not say the server was silent"
log "silent: the whole run took ${elapsed_ms} ms"

# --- No byte of the password in any file or stream ----------------------------------------------
b64() { printf '%s' "$1" | base64 -w0; }
plain=$(printf '\0%s\0%s' "$SMTPUNIT_IT_USER" "$password" | base64 -w0)
for secret in "$password" "$(b64 "$password")" "$plain"; do
  if grep -rlaF -- "$secret" "$out" "$repo/target/smtpunit-it" >/dev/null 2>&1; then
    grep -rlaF -- "$secret" "$out" "$repo/target/smtpunit-it" >&2
    fail "the password (or its base64) appears in an output file or stream"
  fi
done
log "no output file or stream holds the password"
