#!/usr/bin/env bash
# Runs every test of ListArchive. Installs what the tests need that a fresh Debian machine with
# only the .NET SDK lacks, then runs `dotnet test` over the solution and ends with one line:
# "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -d ../shared/corpora ]; then
  echo "warning: ../shared/corpora not found beside the repository; corpus tests will be skipped" >&2
fi

bash tools/ci/install-chromium.sh   # browser tests (ListArchive.Web.Tests/Browser) drive Debian's chromium
bash tools/ci/install-dovecot.sh   # live-ingestion tests against a real Dovecot (skipped with the reason when it cannot be installed)

log=$(mktemp)
dotnet test ListArchive.sln -c Release --nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# VSTest prints one summary line per test assembly:
#   "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - X.dll"
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | awk -F'[:,]' '
  { f+=$2; p+=$4; s+=$6 } END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # build failure or crashed test host
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$rc"
