#!/usr/bin/env bash
# Installs what `npm run test:integration` needs beyond Node: Dovecot's IMAP server (Debian/Ubuntu package
# dovecot-imapd). Idempotent: does nothing when /usr/sbin/dovecot exists. The tests start their own Dovecot with a
# config in a temp folder; the system instance the package may start is never used.
set -euo pipefail
if [ ! -x /usr/sbin/dovecot ]; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends dovecot-imapd >/dev/null
fi
/usr/sbin/dovecot --version
