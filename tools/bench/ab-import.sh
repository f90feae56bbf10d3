#!/usr/bin/env bash
# A/B import benchmark: interleaves imports by two builds of listarchive so that both see the
# same machine noise (these machines are shared; the same build varies by seconds between quiet
# runs an hour apart, so only interleaved runs compare two changes).
#
#   tools/bench/ab-import.sh DIR_A DIR_B [RUNS] [CORPUS]
#
# DIR_A and DIR_B are repository checkouts (e.g. `git worktree add /tmp/a main~1`), each built
# with `dotnet build src/ListArchive -c Release`. Runs RUNS rounds (default 4) of A then B, or B
# then A on odd rounds, importing CORPUS (default twisted-python) into a fresh data folder. Prints
# each run (wall, user CPU, stage busy times, load average) and the medians per build.
set -euo pipefail
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd); runs=${3:-4}
here=$(cd "$(dirname "$0")" && pwd)
corpus=${4:-"$here/../../../shared/corpora/twisted-python-pipermail"}
for tool in jq /usr/bin/time; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
one() { # build label
  local dll="$1/src/ListArchive/bin/Release/net10.0/listarchive.dll"
  rm -rf "$work/data"
  /usr/bin/time -f '%e %U' -o "$work/time" dotnet "$dll" --data "$work/data" import --json "$corpus" > "$work/out.json" 2>/dev/null
  read -r wall user < "$work/time"
  echo "$2 $wall $user $(jq -c '.stageSeconds' "$work/out.json") load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$work/runs"
}
for i in $(seq 1 "$runs"); do
  if (( i % 2 )); then one "$a" A; one "$b" B; else one "$b" B; one "$a" A; fi
done
for label in A B; do
  grep "^$label " "$work/runs" | awk -v l="$label" '{print $2, $3}' | sort -n | awk -v l="$label" \
    '{w[NR]=$1; u[NR]=$2} END {m=int((NR+1)/2); printf "%s median wall %.2f s (of %d runs), median user %.2f s\n", l, w[m], NR, u[m]}'
done
