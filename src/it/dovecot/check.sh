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
mvn -B -q -pl dsl surefire:test -Dtest='LabMailFlowIT'
