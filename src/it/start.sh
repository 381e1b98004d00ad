#!/usr/bin/env bash
# Installs (if missing) and starts, on loopback only and without systemd:
#   - Postfix as mail1.fabrikam.com on 127.0.0.1:25 (and an AUTH-required port on 127.0.0.1:587),
#     from its own configuration directory under the state dir; /etc/postfix is left alone;
#   - Postfix's smtp-sink on 127.0.0.3:25 as contoso.com's mail server, where DSNs for
#     chris@contoso.com arrive (one file per message);
#   - dnsmasq on 127.0.0.1:$SMTPUNIT_IT_DNS_PORT serving the walkthrough's zone, no forwarding.
# Usage: SMTPUNIT_IT_STATE=DIR bash src/it/start.sh   (DIR is created; stop.sh takes the same)
# Writes DIR/servers.env with what the tests need. Must run as root (CI does).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to a state directory}
dns_port=${SMTPUNIT_IT_DNS_PORT:-5353}
password=${SMTPUNIT_IT_PASSWORD:-Contoso-Test-1}
mkdir -p "$state"
state=$(cd "$state" && pwd)
# Postfix's and smtp-sink's unprivileged users must reach their files (mktemp makes 0700).
chmod 755 "$state"

log() { printf 'smtpunit-it: %s\n' "$*"; }

install_packages() {
  local missing=()
  command -v postfix >/dev/null 2>&1 || missing+=(postfix)
  command -v smtp-sink >/dev/null 2>&1 || missing+=(postfix)
  command -v dnsmasq >/dev/null 2>&1 || missing+=(dnsmasq-base)
  command -v saslpasswd2 >/dev/null 2>&1 || missing+=(sasl2-bin)
  [ -e /usr/lib/x86_64-linux-gnu/sasl2/libplain.so ] || [ -n "$(ls /usr/lib/*/sasl2/libplain.so* 2>/dev/null)" ] || missing+=(libsasl2-modules)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    echo "postfix postfix/mailname string mail1.fabrikam.com" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

wait_for_banner() { # host port what logfile
  local host=$1 port=$2 what=$3 logfile=$4 banner=""
  for _ in $(seq 1 100); do
    if banner=$(timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port && IFS= read -r line <&3 && printf '%s' \"\$line\" && printf 'QUIT\r\n' >&3" 2>/dev/null) \
        && [[ $banner == 220* ]]; then
      log "$what answers on $host:$port: ${banner%$'\r'}"
      return 0
    fi
    sleep 0.2
  done
  log "$what did not answer on $host:$port; its log:"
  cat "$logfile" >&2 || true
  exit 1
}

require_free() { # host port what
  if timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; then
    log "something already listens on $1:$2 ($3 needs it); stop it first (another start.sh run?)"
    exit 1
  fi
}

install_packages
# smtp-sink binds with SO_REUSEPORT, so a second instance would silently share the port and
# catch half of the notifications: refuse to start next to anything already listening.
require_free 127.0.0.1 25 "Postfix"
require_free 127.0.0.1 587 "Postfix submission"
require_free 127.0.0.3 25 "smtp-sink"

# --- TLS certificate for mail1.fabrikam.com, made fresh at every start -----------------------
mkdir -p "$state/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=mail1.fabrikam.com" \
  -addext "subjectAltName=DNS:mail1.fabrikam.com,IP:127.0.0.1" \
  -keyout "$state/tls/key.pem" -out "$state/tls/cert.pem" >/dev/null 2>&1
chmod 600 "$state/tls/key.pem"

# --- The DSN catcher: contoso.com's "mail server" -----------------------------------------------
mkdir -p "$state/dsn"
chown nobody "$state/dsn"
smtp-sink -u nobody -h sink.contoso.com -d "$state/dsn/%Y%m%d%H%M%S." 127.0.0.3:25 64 \
  >"$state/smtp-sink.log" 2>&1 &
echo $! >"$state/smtp-sink.pid"

# --- Postfix from its own configuration directory ------------------------------------------------
conf="$state/postfix"
mkdir -p "$conf/sasl" "$state/mail" "$state/spool" "$state/data"
cp /usr/share/postfix/master.cf.dist "$conf/master.cf"
sed -e "s|@STATE@|$state|g" "$here/postfix/main.cf" >"$conf/main.cf"
pc() { postconf -c "$conf" "$@"; }
# The stock chroot breaks a private SASL database and lookups: no service is chrooted.
pc -F '*/*/chroot = n'
# A port that requires authentication, like the walkthrough's hub transport: anonymous MAIL FROM
# gets Exchange's 530 (an access action, evaluated at MAIL because smtpd_delay_reject=no).
cat >>"$conf/master.cf" <<'MASTER'
587       inet  n       -       n       -       -       smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=may
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_delay_reject=no
  -o { smtpd_sender_restrictions = permit_sasl_authenticated, check_client_access, static:{530 5.7.1 Client was not authenticated} }
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject_unauth_destination
MASTER
sed -i 's/^\(smtp \+inet .*\)$/127.0.0.1:\1/' "$conf/master.cf" || true

# Debian's Postfix reads $config_directory/sasl/smtpd.conf (it ignores cyrus_sasl_config_path).
cat >"$conf/sasl/smtpd.conf" <<SASL
pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN
sasldb_path: $state/sasldb2
SASL
echo "$password" | saslpasswd2 -c -p -f "$state/sasldb2" -u contoso.com chris
chgrp postfix "$state/sasldb2"
chmod 640 "$state/sasldb2"

chown -R nobody "$state/mail"
chown postfix "$state/data"
: >"$state/postfix.log"
postfix -c "$conf" check >/dev/null 2>&1 || postfix -c "$conf" check
postfix -c "$conf" start >/dev/null 2>&1 || { cat "$state/postfix.log" >&2; exit 1; }

bash "$here/security/start.sh" # open-relay Postfix on 127.0.0.5, SPF/DMARC/TLSA/PTR for dnsmasq

# --- dnsmasq: the walkthrough's zone, authoritative for it, nothing forwarded ---------------------
sed -e "s|@STATE@|$state|g" "$here/dnsmasq.conf" >"$state/dnsmasq.conf"
dnsmasq --conf-file="$state/dnsmasq.conf" --port="$dns_port" --pid-file="$state/dnsmasq.pid" \
  --log-facility="$state/dnsmasq.log"

wait_for_banner 127.0.0.1 25 "Postfix (mail1.fabrikam.com)" "$state/postfix.log"
wait_for_banner 127.0.0.1 587 "Postfix submission" "$state/postfix.log"
wait_for_banner 127.0.0.3 25 "smtp-sink (contoso.com)" "$state/smtp-sink.log"
for _ in $(seq 1 50); do
  [ -s "$state/dnsmasq.pid" ] && kill -0 "$(cat "$state/dnsmasq.pid")" 2>/dev/null && break
  sleep 0.1
done
kill -0 "$(cat "$state/dnsmasq.pid")" || { log "dnsmasq did not start"; cat "$state/dnsmasq.log" >&2; exit 1; }
log "dnsmasq serves fabrikam.com on 127.0.0.1:$dns_port"

cat >"$state/servers.env" <<ENV
SMTPUNIT_IT_TARGET=127.0.0.1:25
SMTPUNIT_IT_SUBMISSION=127.0.0.1:587
SMTPUNIT_IT_DNS=127.0.0.1:$dns_port
SMTPUNIT_IT_DSN_DIR=$state/dsn
SMTPUNIT_IT_KATE_MAILDIR=$state/mail/fabrikam.com/kate
SMTPUNIT_IT_USER=chris@contoso.com
SMTPUNIT_IT_CERT=$state/tls/cert.pem
ENV
log "servers up; settings in $state/servers.env"
bash "$here/dovecot/start.sh"
