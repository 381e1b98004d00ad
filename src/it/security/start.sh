#!/usr/bin/env bash
# The security checks' part of the lab, called by ../start.sh after the certificate is made and
# before dnsmasq starts:
#   - a second, deliberately weak Postfix (open.fabrikam.com on 127.0.0.5:25; see main.cf) beside
#     the hardened mail1.fabrikam.com, so every check is seen failing as well as passing;
#   - DNS records for dnsmasq (included by ../dnsmasq.conf): SPF, DMARC, TLSA and PTR for
#     fabrikam.com (good) and broken.fabrikam.com / open.fabrikam.com (broken), and MTA-STS TXT.
# Usage: SMTPUNIT_IT_STATE=DIR bash src/it/security/start.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state=${SMTPUNIT_IT_STATE:?set SMTPUNIT_IT_STATE to the lab state directory}
log() { printf 'smtpunit-it security: %s\n' "$*"; }

if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.5/25" 2>/dev/null; then
  log "something already listens on 127.0.0.5:25 (the open-relay Postfix needs it); stop it first"
  exit 1
fi

sec="$state/security"
mkdir -p "$sec/postfix" "$sec/spool" "$sec/data" "$sec/mail"

# --- DNS records --------------------------------------------------------------------------------
# DANE-EE (3 1 1): SHA-256 of the hardened server's public key, from the certificate made at start.
spki=$(openssl x509 -in "$state/tls/cert.pem" -noout -pubkey \
  | openssl pkey -pubin -outform DER | openssl dgst -sha256 -hex | sed 's/^.*= //')
cat >"$sec/dnsmasq.conf" <<DNS
# Good records for fabrikam.com.
txt-record=fabrikam.com,"v=spf1 mx -all"
txt-record=_dmarc.fabrikam.com,"v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc@fabrikam.com; adkim=s"
dns-rr=_25._tcp.mail1.fabrikam.com,52,030101$spki
txt-record=_mta-sts.sts.fabrikam.com,"v=STSv1; id=20261130T000000"
# Broken variants: SPF with a syntax error and too many lookups, a DMARC record without a policy.
txt-record=broken.fabrikam.com,"v=spf1 include:a.broken.fabrikam.com include:b.broken.fabrikam.com mx a ptr exists:x.fabrikam.com foo ~all"
txt-record=a.broken.fabrikam.com,"v=spf1 a mx a:c.fabrikam.com mx:d.fabrikam.com -all"
txt-record=b.broken.fabrikam.com,"v=spf1 a mx a:e.fabrikam.com mx:f.fabrikam.com -all"
txt-record=two.fabrikam.com,"v=spf1 -all"
txt-record=two.fabrikam.com,"v=spf1 ~all"
txt-record=_dmarc.broken.fabrikam.com,"v=DMARC1; pct=200; rua=dmarc@fabrikam.com"
txt-record=_mta-sts.broken.fabrikam.com,"v=STSv1; id=not valid!"
# open.fabrikam.com: its PTR name resolves elsewhere, so reverse DNS is not forward-confirmed.
ptr-record=5.0.0.127.in-addr.arpa,open.fabrikam.com
host-record=open.fabrikam.com,127.0.0.50
DNS

# --- The open-relay Postfix ---------------------------------------------------------------------
conf="$sec/postfix"
cp /usr/share/postfix/master.cf.dist "$conf/master.cf"
sed -e "s|@STATE@|$state|g" "$here/main.cf" >"$conf/main.cf"
postconf -c "$conf" -F '*/*/chroot = n'
sed -i 's/^\(smtp \+inet .*\)$/127.0.0.5:\1/' "$conf/master.cf"
chown -R nobody "$sec/mail"
chown postfix "$sec/data"
: >"$sec/postfix.log"
postfix -c "$conf" check >/dev/null 2>&1 || postfix -c "$conf" check
postfix -c "$conf" start >/dev/null 2>&1 || { cat "$sec/postfix.log" >&2; exit 1; }
for _ in $(seq 1 50); do
  if banner=$(timeout 1 bash -c 'exec 3<>/dev/tcp/127.0.0.5/25 && IFS= read -r line <&3 && printf "%s" "$line" && printf "QUIT\r\n" >&3' 2>/dev/null) \
      && [[ $banner == 220* ]]; then
    log "open-relay Postfix answers on 127.0.0.5:25: ${banner%$'\r'}"
    echo "SMTPUNIT_IT_OPEN_RELAY=127.0.0.5:25" >"$sec/servers.env"
    echo "SMTPUNIT_IT_OPEN_KATE_MAILDIR=$sec/mail/fabrikam.com/kate" >>"$sec/servers.env"
    exit 0
  fi
  sleep 0.2
done
log "the open-relay Postfix did not answer on 127.0.0.5:25; its log:"
cat "$sec/postfix.log" >&2
exit 1
