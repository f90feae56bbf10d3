#!/usr/bin/env bash
# Differential check of ListArchive.Mail against npm mailparser (acceptance criterion of the
# mail-reader issue). Installs mailparser from the lockfile when node_modules is missing, builds
# tools/MailDiff and runs it:
#
#   tools/mailparser-diff/run.sh                       every corpus under ../shared/corpora;
#                                                      rewrites docs/mailparser-differential.md
#   tools/mailparser-diff/run.sh --samples 5 ksummit-discuss-maildir   one corpus, with examples
#
# Options (passed to maildiff): --samples N, --limit N, --work DIR, --keep, --reuse (compare again
# using the messages and mailparser output kept by an earlier --keep run), --markdown FILE,
# --corpora-root DIR. Exit code 0 when every field of every corpus agrees ≥ 99% once the
# explained classes are set aside, 1 otherwise, 2 on a setup error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

command -v node >/dev/null || { echo "run.sh: node is required (Node 18 or later)" >&2; exit 2; }
if [ ! -d "$here/node_modules/mailparser" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

dotnet build "$repo/tools/MailDiff/MailDiff.csproj" -c Release --nologo -v q >&2

args=(--dump "$here/dump.mjs")
# A run over all corpora (no corpus named) regenerates the document.
has_corpus=0
prev=""
for a in "$@"; do
  case "$prev" in --samples|--limit|--work|--markdown|--corpora-root|--dump) prev=""; continue ;; esac
  case "$a" in --*) ;; *) has_corpus=1 ;; esac
  prev="$a"
done
if [ "$has_corpus" -eq 0 ]; then args+=(--markdown "$repo/docs/mailparser-differential.md"); fi

exec dotnet "$repo/tools/MailDiff/bin/Release/net10.0/maildiff.dll" "${args[@]}" "$@"
