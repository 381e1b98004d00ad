#!/usr/bin/env bash
# Stops the open-relay Postfix of security/start.sh; safe to call twice or when nothing runs.
set -uo pipefail
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the lab state directory}
conf="$state/security/postfix"
[ -f "$conf/main.cf" ] || exit 0
master_pid=""
if [ -s "$state/security/spool/pid/master.pid" ]; then
  master_pid=$(tr -d ' ' <"$state/security/spool/pid/master.pid")
fi
postfix -c "$conf" stop >/dev/null 2>&1 || true
if [ -n "$master_pid" ]; then
  for _ in $(seq 1 100); do
    kill -0 "$master_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$master_pid" 2>/dev/null || true
fi
echo "smtpunit-it security: stopped the open-relay Postfix"
