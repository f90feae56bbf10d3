#!/usr/bin/env bash
# Installs Debian's dovecot-imapd for the live-ingestion integration tests
# (tests/ListArchive.Ingest.Tests/Imap/Dovecot*; ../shared/docs/dovecot-test-server.md).
# Idempotent: does nothing when /usr/sbin/dovecot exists. Never fails the test run: when the
# package cannot be installed the Dovecot tests skip and say why.
set -u
if [ -x /usr/sbin/dovecot ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "install-dovecot: not root and no password-less sudo; Dovecot tests will be skipped" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-dovecot: no apt-get; Dovecot tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends dovecot-imapd >/dev/null 2>&1; then
  $sudo apt-get update >/dev/null 2>&1 || true
  $sudo apt-get install -y --no-install-recommends dovecot-imapd >/dev/null 2>&1 \
    || echo "install-dovecot: apt-get install dovecot-imapd failed; Dovecot tests will be skipped" >&2
fi
# The packaged service is not needed: each test starts its own instance on a loopback port.
exit 0
