#!/usr/bin/env bash
# End-to-end import benchmark of the listarchive CLI (see tools/bench/README.md).
#
#   tools/bench/import-bench.sh [--repo DIR] [--no-build] [--keep] [--data DIR] [--queries N] [CORPUS]
#
# Builds src/ListArchive in Release (of this repository, or of --repo DIR, e.g. an exported branch), imports CORPUS (default: the twisted-python pipermail corpus in
# ../shared/corpora) into a fresh data folder under /usr/bin/time -v, then times `reindex` and
# N `search --json` calls. Prints wall time, peak RSS, messages read/stored, messages/s, MB/s,
# database size, and search latency (median, p95). Never prints message content.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus="$root/../shared/corpora/twisted-python-pipermail"
data=""
keep=0
build=1
queries=20

while [ $# -gt 0 ]; do
  case "$1" in
    --repo) root=$(cd "$2" && pwd); shift ;;
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    --data) data="$2"; shift ;;
    --queries) queries="$2"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) corpus="$1" ;;
  esac
  shift
done

[ -e "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
for tool in jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

dll="$root/src/ListArchive/bin/Release/net10.0/listarchive.dll"
if [ "$build" = 1 ]; then
  echo "building src/ListArchive (Release)…" >&2
  build_log=$(mktemp)
  if ! dotnet build "$root/src/ListArchive" -c Release -nologo -v quiet >"$build_log" 2>&1; then
    echo "build failed ($root); first errors:" >&2
    grep -m5 ' error ' "$build_log" >&2 || tail -5 "$build_log" >&2
    rm -f "$build_log"
    exit 1
  fi
  rm -f "$build_log"
fi
[ -f "$dll" ] || { echo "not built: $dll" >&2; exit 2; }

if [ -z "$data" ]; then
  data=$(mktemp -d "${TMPDIR:-/tmp}/listarchive-bench.XXXXXX")
elif [ -e "$data" ] && [ -n "$(ls -A "$data" 2>/dev/null)" ]; then
  echo "data folder not empty: $data (the benchmark wants a fresh import)" >&2; exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/listarchive-bench-out.XXXXXX")
cleanup() {
  rm -rf "$work"
  if [ "$keep" = 0 ]; then rm -rf "$data"; fi
}
trap cleanup EXIT

la() { dotnet "$dll" --data "$data" "$@"; }
now() { date +%s.%N; }
# Prints "wall_seconds peak_rss_kb cpu_seconds" from a /usr/bin/time -v log.
time_fields() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /Maximum resident set size/ { rss = $2 }
    /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
    END { printf "%s %s %s\n", wall, rss, cpu }' "$1"
}

corpus_bytes=$(if [ -d "$corpus" ]; then find "$corpus" -type f -name '*.gz' -exec zcat {} + ; else zcat -f "$corpus"; fi | wc -c)

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(dotnet --version) SDK"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $corpus ($(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB decompressed incl. From_ lines)"
echo "data: $data"

# --- import ----------------------------------------------------------------------------------
/usr/bin/time -v -o "$work/import.time" dotnet "$dll" --data "$data" import --json "$corpus" >"$work/import.json" 2>"$work/import.err" || {
  echo "import failed; last lines of its error output:" >&2; tail -5 "$work/import.err" >&2; exit 1; }
read -r import_wall import_rss import_cpu < <(time_fields "$work/import.time")
read_count=$(jq '.read' "$work/import.json")
stored=$(jq '.stored' "$work/import.json")
duplicates=$(jq '.duplicates + .rebuildDuplicates' "$work/import.json")
problems=$(jq '[.problemsByKind[]] | add // 0' "$work/import.json")
bytes=$(jq '.bytes' "$work/import.json")
db_kb=$(du -sk "$data" | cut -f1)
la stats --json >"$work/stats.json"
stats_messages=$(jq '.messages' "$work/stats.json")

awk -v w="$import_wall" -v c="$import_cpu" -v r="$read_count" -v b="$bytes" -v rss="$import_rss" -v s="$stored" -v d="$duplicates" \
    -v p="$problems" -v db="$db_kb" -v sm="$stats_messages" 'BEGIN {
  printf "import: %d messages read, %d stored, %d duplicates, %d problems; stats --json: %s messages\n", r, s, d, p, sm
  printf "import: %.1f s wall (%.1f s CPU), %.0f input messages/s, %.1f MB/s (%.1f MB of messages), peak RSS %.0f MB\n", w, c, r / w, b / 1e6 / w, b / 1e6, rss / 1024
  printf "database on disk: %.1f MB (du of the data folder)\n", db / 1024 }'

# --- reindex ---------------------------------------------------------------------------------
/usr/bin/time -v -o "$work/reindex.time" dotnet "$dll" --data "$data" reindex --json >"$work/reindex.json" 2>"$work/reindex.err" || {
  echo "reindex failed; last lines of its error output:" >&2; tail -5 "$work/reindex.err" >&2; exit 1; }
read -r reindex_wall reindex_rss reindex_cpu < <(time_fields "$work/reindex.time")
awk -v w="$reindex_wall" -v c="$reindex_cpu" -v rss="$reindex_rss" -v n="$(jq '.indexed' "$work/reindex.json")" 'BEGIN {
  printf "reindex: %d messages in %.1f s wall (%.1f s CPU, %.0f messages/s), peak RSS %.0f MB\n", n, w, c, n / w, rss / 1024 }'

# --- search ----------------------------------------------------------------------------------
# Each call is a fresh process, so latency includes .NET start-up and opening the database;
# `--help` is timed the same way as the start-up baseline.
words=(deferred reactor "twisted.web" trial "\"connection refused\"" conch "from:glyph" "subject:release"
       "after:2010-01-01 inlineCallbacks" "before:2005-01-01 woven" perspective "pb -web" "list:twisted-python ssl"
       "\"twisted.internet.error\"" epoll "amp protocol" "unicode -python3" "subject:ANN" "klein" "tls certificate")
start=$(now); dotnet "$dll" --help >/dev/null; baseline=$(echo "$(now) - $start" | bc)
: >"$work/latency"
hits_total=0
for ((i = 0; i < queries; i++)); do
  q=${words[$((i % ${#words[@]}))]}
  start=$(now)
  la search --json "$q" >"$work/search.json"
  echo "$(now) - $start" | bc >>"$work/latency"
  hits_total=$((hits_total + $(jq '.total' "$work/search.json")))
done
sort -n "$work/latency" | awk -v base="$baseline" -v hits="$hits_total" '
  { v[NR] = $1 }
  END {
    med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p95 = v[int(0.95 * NR + 0.999999)]
    printf "search: %d queries (fresh process each), median %.0f ms, p95 %.0f ms, max %.0f ms; start-up baseline (--help) %.0f ms; %d hits in total\n",
      NR, med * 1000, p95 * 1000, v[NR] * 1000, base * 1000, hits }'

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$keep" = 1 ]; then echo "kept: $data"; fi
