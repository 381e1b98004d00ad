#!/usr/bin/env bash
# The security checks against the lab (called by ../run.sh with the lab running): the runner's
# --checks security must PASS every check against the hardened mail1.fabrikam.com and FAIL each
# one against the open-relay open.fabrikam.com; and no probe may have reached anyone but kate.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the lab state directory}
# shellcheck source=/dev/null
. "$state/servers.env"
# shellcheck source=/dev/null
. "$state/security/servers.env"
out="$repo/target/smtpunit-it/security"
mkdir -p "$out"
fail() { printf 'smtpunit-it security: FAILED: %s\n' "$*" >&2; exit 1; }

checks() { # name target domain [quiet]
  local status=0
  java -jar "$repo/samples/target/smtpunit.jar" --checks security \
    --target "$2" --dns-server "$SMTPUNIT_IT_DNS" \
    --transcripts "$out/$1/transcripts" --reports "$out/$1/reports" \
    --insecure \
    --config "smtpunit.sample.mx=$3" >"$out/$1.txt" || status=$?
  echo "$status" >"$out/$1.status"
  # The open relay's run is expected to fail every check: its report stays in its file, so that
  # the build log's closing counts are those of runs that must pass.
  if [ -z "${4:-}" ]; then cat "$out/$1.txt"; fi
}

checks hardened "$SMTPUNIT_IT_TARGET" fabrikam.com
[ "$(cat "$out/hardened.status")" = 0 ] || fail "the hardened server did not pass every check"
grep -q '^PASS    SecurityChecksTest > the_servers_certificate_matches_its_tlsa_records_if_published' "$out/hardened.txt" \
  || fail "the TLSA check did not run against the hardened server"

checks open "$SMTPUNIT_IT_OPEN_RELAY" broken.fabrikam.com quiet
[ "$(cat "$out/open.status")" = 1 ] || { cat "$out/open.txt"; fail "the open-relay server did not fail the suite (exit 1)"; }
echo "smtpunit-it security: the open relay failed $(grep -c '^FAIL ' "$out/open.txt") checks as it must (report: $out/open.txt)"
for check in the_server_refuses_to_relay_for_outsiders \
    the_server_reads_non_standard_end_of_data_sequences_as_content \
    the_server_offers_starttls_and_completes_the_handshake \
    vrfy_and_expn_do_not_tell_real_addresses_from_made_up_ones \
    the_servers_address_has_forward_confirmed_reverse_dns_matching_its_greeting \
    the_domain_publishes_a_valid_spf_record_ending_in_fail_all \
    the_domain_publishes_a_dmarc_policy_that_quarantines_or_rejects; do
  grep -q "^FAIL    SecurityChecksTest > $check " "$out/open.txt" || { cat "$out/open.txt"; fail "$check did not FAIL against the open relay"; }
done
grep -q 'OPEN RELAY: RCPT TO:<smtpunit-relay-probe@example.org>' "$out/open.txt" || fail "no relay evidence"
grep -q '<LF>.<LF>: ACCEPTED' "$out/open.txt" || fail "no smuggling evidence"

# No probe reached anyone but the named recipient: the open relay delivered only to kate (the
# smuggled parts included), bounced nothing, and holds nothing in its queue.
sleep 2
recipients=$(grep ' status=' "$state/security/postfix.log" | grep -o ' to=<[^>]*>' | sort -u | tr -d ' ')
[ "$recipients" = "to=<kate@fabrikam.com>" ] || fail "the open relay delivered to [$recipients], not only kate"
! grep -q 'status=bounced\|status=deferred' "$state/security/postfix.log" || fail "a probe bounced or was deferred"
# Messages of their own whose header (not body) carries the smuggled part's subject.
smuggled=$(awk 'FNR == 1 { h = 1 } /^\r?$/ { h = 0 } h && /^Subject: .*SMUGGLED part/ { n++; nextfile } END { print n + 0 }' \
  "$SMTPUNIT_IT_OPEN_KATE_MAILDIR"/new/*)
[ "$smuggled" -ge 1 ] || fail "the open relay's kate did not receive the smuggled probe parts it accepted"
! grep -rl 'SmtpUnit SMTP smuggling probe' "$SMTPUNIT_IT_DSN_DIR" >/dev/null 2>&1 || fail "a probe reached the sender's domain"
echo "smtpunit-it security: hardened passes every check, the open relay fails each; probes reached only kate ($smuggled smuggled parts delivered by the open relay)"
