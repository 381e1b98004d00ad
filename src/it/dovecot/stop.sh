#!/usr/bin/env bash
# Stops the Dovecot that dovecot/start.sh started for SMTPUNIT_IT_STATE; safe to call twice.
set -uo pipefail
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the lab state directory}
conf="$state/dovecot/dovecot.conf"
pidfile="$state/dovecot/run/master.pid"
[ -f "$conf" ] || exit 0
pid=""
[ -s "$pidfile" ] && pid=$(cat "$pidfile")
dovecot -c "$conf" stop >/dev/null 2>&1 || true
if [ -n "$pid" ]; then
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
fi
echo "smtpunit-it: stopped Dovecot of $state"
