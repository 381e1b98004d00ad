#!/usr/bin/env bash
# Stops what start.sh started for SMTPUNIT_IT_STATE; safe to call twice or when nothing runs.
set -uo pipefail
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the state directory given to start.sh}
[ -d "$state" ] || exit 0
bash "$(dirname "$0")/security/stop.sh"
master_pid=""
if [ -s "$state/spool/pid/master.pid" ]; then
  master_pid=$(tr -d ' ' <"$state/spool/pid/master.pid")
fi
if [ -f "$state/postfix/main.cf" ]; then
  postfix -c "$state/postfix" stop >/dev/null 2>&1 || true
fi
for pidfile in "$state/dnsmasq.pid" "$state/smtp-sink.pid"; do
  if [ -s "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  fi
done
# "postfix stop" returns before the master and its children have exited: wait for them.
if [ -n "$master_pid" ]; then
  for _ in $(seq 1 100); do
    kill -0 "$master_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$master_pid" 2>/dev/null || true
fi
bash "$(dirname "$0")/dovecot/stop.sh"
echo "smtpunit-it: stopped servers of $state"
