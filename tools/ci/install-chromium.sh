#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (tests/ListArchive.Web.Tests/Browser): idempotent,
# does nothing when /usr/bin/chromium is there. Playwright never downloads a browser here; the tests
# drive this one (and skip with a reason when it is missing, e.g. no package mirror reachable).
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -eq 0 ]; then as_root=(); elif command -v sudo >/dev/null; then as_root=(sudo -n); else
  echo "install-chromium: not root and no sudo; browser tests will be skipped" >&2; exit 0; fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
# Another apt may hold the lock (shared machines): wait for it rather than fail.
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >"$log" 2>&1 || true
if ! "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-dejavu-core >>"$log" 2>&1; then
  echo "install-chromium: apt-get install chromium failed; browser tests will be skipped:" >&2
  tail -5 "$log" >&2
fi
rm -f "$log"
exit 0
