#!/usr/bin/env bash
# Installs (if missing) and starts Dovecot over the Postfix lab's mailboxes: kate@fabrikam.com's
# Maildir (where Postfix delivers) over IMAP 127.0.0.1:143 (STARTTLS), IMAPS :993, POP3 :110
# (STLS) and POP3S :995, with the lab's certificate. Called by src/it/start.sh after Postfix is
# up; appends what the tests need to $SMTPUNIT_IT_STATE/servers.env. Must run as root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the lab state directory}
state=$(cd "$state" && pwd)
kate_password=${SMTPUNIT_IT_KATE_PASSWORD:-Fabrikam-Test-1}

log() { printf 'smtpunit-it: %s\n' "$*"; }

if ! command -v dovecot >/dev/null 2>&1 || [ ! -e /usr/lib/dovecot/imap ] || [ ! -e /usr/lib/dovecot/pop3 ]; then
  log "installing dovecot-imapd dovecot-pop3d"
  # Keep the package from starting a system-wide Dovecot on 0.0.0.0:143/110 (no systemd here;
  # invoke-rc.d honours policy-rc.d). Only a policy file this script made is removed again.
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    dovecot-imapd dovecot-pop3d >/dev/null
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
fi

for port in 143 993 110 995; do
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
    log "something already listens on 127.0.0.1:$port (Dovecot needs it); stop it first"
    exit 1
  fi
done

conf="$state/dovecot"
mkdir -p "$conf/run" "$conf/state"
sed -e "s|@STATE@|$state|g" "$here/dovecot.conf" >"$conf/dovecot.conf"
printf 'kate@fabrikam.com:{PLAIN}%s\n' "$kate_password" >"$conf/users"
chown root:dovecot "$conf/users"
chmod 640 "$conf/users"
# Kate's Maildir exists before the first delivery, so a test can log in to an empty mailbox.
kate="$state/mail/fabrikam.com/kate"
mkdir -p "$kate/new" "$kate/cur" "$kate/tmp"
chown -R 65534:65534 "$state/mail"
: >"$state/dovecot.log"

dovecot -c "$conf/dovecot.conf" || { cat "$state/dovecot.log" >&2; exit 1; }

for port in 143 110; do
  ready=""
  for _ in $(seq 1 100); do
    if line=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && IFS= read -r l <&3 && printf '%s' \"\$l\"" 2>/dev/null) \
        && [[ $line == \** || $line == +OK* ]]; then
      ready=yes
      log "Dovecot answers on 127.0.0.1:$port: ${line%$'\r'}"
      break
    fi
    sleep 0.2
  done
  [ -n "$ready" ] || { log "Dovecot did not answer on 127.0.0.1:$port; its log:"; cat "$state/dovecot.log" >&2; exit 1; }
done

cat >>"$state/servers.env" <<ENV
SMTPUNIT_IT_IMAP=127.0.0.1:143
SMTPUNIT_IT_IMAPS=127.0.0.1:993
SMTPUNIT_IT_POP3=127.0.0.1:110
SMTPUNIT_IT_POP3S=127.0.0.1:995
SMTPUNIT_IT_KATE_USER=kate@fabrikam.com
SMTPUNIT_IT_CERT=$state/tls/cert.pem
ENV
log "Dovecot serves kate@fabrikam.com's mailbox; settings added to $state/servers.env"
