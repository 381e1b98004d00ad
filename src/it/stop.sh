#!/usr/bin/env bash
# Stops what start.sh (with security/start.sh and dovecot/start.sh) started for SMTPUNIT_IT_STATE;
# safe to call twice or when nothing runs.
set -uo pipefail
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the state directory given to start.sh}
[ -d "$state" ] || exit 0

# stop_master PIDFILE COMMAND...: runs a server's own stop command (output discarded, failure
# ignored), then waits up to 10 s for the master whose pid PIDFILE held, and kills it if it is
# still there. "postfix stop" and "dovecot stop" return before their master and its children have
# exited, and the next start needs the same fixed 127.0.0.x ports.
stop_master() {
  local pidfile=$1 pid=""
  shift
  [ -s "$pidfile" ] && pid=$(tr -d ' ' <"$pidfile")
  "$@" >/dev/null 2>&1 || true
  if [ -n "$pid" ]; then
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

if [ -f "$state/security/postfix/main.cf" ]; then
  stop_master "$state/security/spool/pid/master.pid" postfix -c "$state/security/postfix" stop
  echo "smtpunit-it security: stopped the open-relay Postfix"
fi
for pidfile in "$state/dnsmasq.pid" "$state/smtp-sink.pid"; do
  if [ -s "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  fi
done
if [ -f "$state/postfix/main.cf" ]; then
  stop_master "$state/spool/pid/master.pid" postfix -c "$state/postfix" stop
fi
if [ -f "$state/dovecot/dovecot.conf" ]; then
  stop_master "$state/dovecot/run/master.pid" dovecot -c "$state/dovecot/dovecot.conf" stop
  echo "smtpunit-it: stopped Dovecot of $state"
fi
echo "smtpunit-it: stopped servers of $state"
