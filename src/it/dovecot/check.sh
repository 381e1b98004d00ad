#!/usr/bin/env bash
# The mail-flow checks against the running lab: send through Postfix (DATA and 1 MB of BDAT) and
# read kate's mail back over Dovecot's IMAP and POP3 by Message-ID (LabMailFlowIT in dsl's
# tests). Needs the lab up (start.sh) and dsl's test classes (mvn -B verify builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the lab state directory}
set -a
# shellcheck source=/dev/null
. "$state/servers.env"
SMTPUNIT_IT_KATE_PASSWORD=${SMTPUNIT_IT_KATE_PASSWORD:-Fabrikam-Test-1}
set +a
cd "$repo"
# Not quiet: the log shows how many of the mail-flow tests ran (none may be skipped).
mvn -B -pl dsl surefire:test -Dtest='LabMailFlowIT' >"$state/mail-flow.log" 2>&1 || {
  cat "$state/mail-flow.log"
  exit 1
}
summary=$(grep -E "Tests run: [0-9]+, Failures" "$state/mail-flow.log" | tail -1)
echo "smtpunit-it mail flow: LabMailFlowIT: $summary"
case "$summary" in
  *"Skipped: 0"*) ;;
  *) echo "smtpunit-it mail flow: a mail-flow test was skipped" >&2; exit 1 ;;
esac
