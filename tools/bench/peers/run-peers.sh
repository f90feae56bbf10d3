#!/usr/bin/env bash
# run-peers.sh — import one list archive with the peer archivers (notmuch, MHonArc,
# public-inbox) and, optionally, with ListArchive, and print one comparison table.
#
# Usage:
#   tools/bench/peers/run-peers.sh [CORPUS_DIR]
#
# CORPUS_DIR is a folder of Mailman 2 pipermail month files (*.txt.gz or *.txt).
# Default: ../shared/corpora/twisted-python-pipermail relative to the repository root.
#
# Environment:
#   SKIP_INSTALL=1       do not run apt-get (the tools must already be installed)
#   KEEP_WORK=1          keep the temporary work directory (its path is printed)
#   WORK_DIR=DIR         use DIR (must not exist or be empty) instead of mktemp -d
#   PEERS="notmuch mhonarc public-inbox"   which peers to run (default: all three)
#   LISTARCHIVE_CMD      extra row for ListArchive, run with `bash -c` from the repository
#                        root. These variables are exported for it:
#                          LA_DATA     an empty data directory (its size is reported)
#                          LA_CORPUS   the pipermail corpus folder (ListArchive reads it directly)
#                          LA_MBOX     the same corpus as one mboxrd file
#                          LA_MAILDIR  the same corpus as a Maildir
#                        e.g. LISTARCHIVE_CMD='dotnet src/ListArchive/bin/Release/net10.0/listarchive.dll import --data "$LA_DATA" "$LA_CORPUS"'
#   LISTARCHIVE_COUNT_CMD  optional; run after the import with the same variables; must print
#                        "MESSAGES THREADS" (either may be "n/a") on its last line, e.g.
#                        LISTARCHIVE_COUNT_CMD='dotnet src/ListArchive/bin/Release/net10.0/listarchive.dll stats --data "$LA_DATA" | awk "NR == 2 { print \$2, \$3 }"'

#
# The mbox and the Maildir are prepared before any timing starts, so the rows time only
# the tools' own import + indexing. Timing: GNU time (/usr/bin/time -v): wall clock and
# "Maximum resident set size" (the largest single process among the command and the
# children it waited for — not a sum over processes).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../../.." && pwd)
corpus=${1:-"$repo_root/../shared/corpora/twisted-python-pipermail"}
if [[ ! -d "$corpus" ]]; then
    echo "run-peers: corpus folder not found: $corpus" >&2
    exit 2
fi
corpus=$(cd "$corpus" && pwd)
peers=${PEERS:-"notmuch mhonarc public-inbox"}

log() { printf '[run-peers %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- install (Debian)
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if [[ -z "${SKIP_INSTALL:-}" ]]; then
    log "apt-get update + install notmuch mhonarc public-inbox time"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    # libsearch-xapian-perl: public-inbox's full-text index (a dependency in bookworm,
    # named explicitly so that the search index is built on every Debian release).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        notmuch mhonarc public-inbox libsearch-xapian-perl git time sqlite3 >&2
fi
for tool in /usr/bin/time perl git sqlite3; do
    command -v "$tool" >/dev/null || { echo "run-peers: missing $tool" >&2; exit 2; }
done

# ---------------------------------------------------------------- work dir
if [[ -n "${WORK_DIR:-}" ]]; then
    mkdir -p "$WORK_DIR"; work=$(cd "$WORK_DIR" && pwd)
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/run-peers.XXXXXX")
fi
cleanup() { if [[ -z "${KEEP_WORK:-}" ]]; then rm -rf "$work"; else log "work dir kept: $work"; fi; }
trap cleanup EXIT
log "work dir: $work"

# ---------------------------------------------------------------- corpus → mboxrd + Maildir
# Pipermail month files are almost mbox, but not quite: bodies hold unescaped lines that
# start with "From " (twisted-python-pipermail has 55). So split on the whole pipermail
# From_ line ("From user at host  Www Mmm dd hh:mm:ss yyyy"), escape every other /^>*From /
# body line mboxrd-style in the mbox, and write each message unescaped (without its From_
# line) as one Maildir file. Months are taken in calendar order.
mbox="$work/corpus.mbox"
maildir="$work/maildir"
mkdir -p "$maildir/cur" "$maildir/new" "$maildir/tmp"
log "converting $corpus to mboxrd + Maildir"
input_msgs=$(
    find "$corpus" -maxdepth 1 -type f \( -name '*.txt.gz' -o -name '*.txt' \) -print0 |
    perl -0 -e '
        use strict; use warnings;
        my %mon; @mon{qw(January February March April May June July August September October November December)} = (1..12);
        my @files = sort {
            my ($ya, $ma) = $a =~ m{(\d{4})-(\w+)\.txt}; my ($yb, $mb) = $b =~ m{(\d{4})-(\w+)\.txt};
            ($ya // 0) <=> ($yb // 0) or ($mon{$ma // ""} // 0) <=> ($mon{$mb // ""} // 0) or $a cmp $b
        } map { chomp; $_ } <STDIN>;
        $/ = "\n";                           # -0 read NUL-separated names; lines from here on
        my ($mbox, $maildir) = @ARGV;
        open my $out, ">:raw", $mbox or die "$mbox: $!";
        my $fromline = qr/^From \S.* [A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\r?$/;
        my ($n, $msg, $inhead, %mid) = (0, undef, 0);
        my $flush = sub {
            return unless defined $msg;
            my $path = sprintf "%s/cur/%07d.pipermail:2,S", $maildir, $n;
            open my $m, ">:raw", $path or die "$path: $!";
            print $m $msg; close $m;
            $msg = undef;
        };
        for my $f (@files) {
            my $fh;
            if ($f =~ /\.gz$/) { open $fh, "-|:raw", "gzip", "-dc", $f or die "$f: $!" }
            else { open $fh, "<:raw", $f or die "$f: $!" }
            while (my $line = <$fh>) {
                if ($line =~ $fromline) {
                    $flush->(); $n++; $msg = ""; $inhead = 1;
                    print $out "\n" if $n > 1;   # mbox: a blank line before every From_
                    print $out $line;
                    next;
                }
                next unless defined $msg;        # text before the first From_ line
                if ($inhead) {
                    if ($line =~ /^\r?$/) { $inhead = 0 }
                    elsif ($line =~ /^Message-ID:\s*(\S+)/i) { $mid{$1} = 1 }
                }
                $msg .= $line;
                $line = ">$line" if $line =~ /^>*From /;
                print $out $line;
            }
            close $fh;
        }
        $flush->();
        close $out;
        printf "%d %d\n", $n, scalar keys %mid;
    ' "$mbox" "$maildir"
)
read -r input_msgs input_mids <<<"$input_msgs"
mbox_bytes=$(stat -c %s "$mbox")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "$input_msgs messages, $input_mids distinct Message-IDs ($(( mbox_bytes / 1048576 )) MB mbox)"

# ---------------------------------------------------------------- measuring helpers
rows=()
# measure NAME CMD... → sets m_wall (s), m_rss (MB) and m_cpu (%); command output goes to a log
measure() {
    local name=$1; shift
    local tfile="$work/$name.time" lfile="$work/$name.log"
    log "running $name"
    if ! /usr/bin/time -v -o "$tfile" "$@" >"$lfile" 2>&1; then
        log "$name failed; last lines of its log:"; tail -n 20 "$lfile" >&2
        m_wall=failed; m_rss=n/a; m_cpu=n/a; m_cpus=n/a; return 1
    fi
    m_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$tfile")
    m_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tfile")
    # CPU share the command got (user+sys over wall; 200% = both cores of a 2-core machine).
    m_cpu=$(awk -F': ' '/Percent of CPU this job got/ { print $2 }' "$tfile")
    # user + system CPU seconds of the command and its children: less sensitive than wall
    # time to other load on the machine.
    m_cpus=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$tfile")
}
size_mb() { du -sb "$@" 2>/dev/null | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { gsub(/,/, "", n); if (s + 0 > 0 && n ~ /^[0-9]+$/) printf "%.0f", n / s; else print "n/a" }'; }
add_row() { rows+=("$1|$2|$3|$4|$(rate "$2" "$4")|${m_cpus:-n/a}|${m_cpu:-n/a}|$5|$6"); }

# ---------------------------------------------------------------- notmuch
run_notmuch() {
    local cfg="$work/notmuch-config"
    cat >"$cfg" <<EOF
[database]
path=$maildir
[user]
name=Peer Bench
primary_email=bench@example.invalid
[new]
tags=inbox;
ignore=
[search]
exclude_tags=
[maildir]
synchronize_flags=false
EOF
    export NOTMUCH_CONFIG="$cfg"
    if measure notmuch notmuch new --quiet; then
        local msgs threads
        msgs=$(notmuch count '*')
        threads=$(notmuch count --output=threads '*')
        # The index lives in $maildir/.notmuch; the messages stay where they are.
        add_row "notmuch $(notmuch --version | awk '{print $2}')" "$msgs" "$threads" "$m_wall" "$m_rss" "$(size_mb "$maildir/.notmuch")"
    else
        add_row notmuch n/a n/a failed n/a n/a
    fi
    unset NOTMUCH_CONFIG
}

# ---------------------------------------------------------------- MHonArc
run_mhonarc() {
    local out="$work/mhonarc"
    mkdir -p "$out"
    # -umask 022 and -quiet only; everything else is MHonArc's default (thread and date
    # indexes, one HTML page per message). It reads the mbox directly.
    if measure mhonarc mhonarc -quiet -umask 022 -outdir "$out" "$mbox"; then
        local msgs
        msgs=$(find "$out" -maxdepth 1 -name 'msg*.html' | wc -l)
        # MHonArc writes a thread index but does not report a thread count: n/a.
        add_row "mhonarc $(mhonarc -v 2>&1 | awk '/MHonArc v/ {sub(/^v/, "", $2); print $2; exit}')" "$msgs" n/a "$m_wall" "$m_rss" "$(size_mb "$out")"
    else
        add_row mhonarc n/a n/a failed n/a n/a
    fi
}

# ---------------------------------------------------------------- public-inbox (v2)
# Debian ships no bulk importer for v2 inboxes (public-inbox-import is v1-only and not in
# the package; public-inbox-mda takes one message per process). The practical bulk path
# is the library routine the tools themselves use: PublicInbox::InboxWritable->import_mbox
# over the V2Writable importer, which stores each message in git and indexes it (SQLite
# overview + Xapian, indexlevel "full", the default) as it goes, with parallel shards.
run_public_inbox() {
    export PI_CONFIG="$work/pi-config"
    local inbox="$work/public-inbox"
    public-inbox-init -V2 bench "$inbox" http://bench.invalid/bench bench@example.invalid >"$work/pi-init.log" 2>&1
    if measure public-inbox perl -e '
            use strict; use warnings;
            use PublicInbox::Config; use PublicInbox::InboxWritable;
            my $cfg = PublicInbox::Config->new;
            my $ibx = $cfg->lookup_name("bench") or die "inbox bench not configured\n";
            $ibx = PublicInbox::InboxWritable->new($ibx);
            open my $fh, "<:raw", $ARGV[0] or die "$ARGV[0]: $!";
            $ibx->import_mbox($fh, "mboxrd");
        ' "$mbox"; then
        local msgs threads
        msgs=$(sqlite3 "$inbox/msgmap.sqlite3" 'SELECT COUNT(*) FROM msgmap;')
        # over.sqlite3 keeps a thread id (tid) per message.
        threads=$(sqlite3 "$inbox/xap15/over.sqlite3" 'SELECT COUNT(DISTINCT tid) FROM over WHERE num > 0;' 2>/dev/null ||
                  sqlite3 "$inbox/"*/over.sqlite3 'SELECT COUNT(DISTINCT tid) FROM over WHERE num > 0;' 2>/dev/null || echo n/a)
        add_row "public-inbox $(dpkg-query -W -f='${Version}' public-inbox 2>/dev/null | sed 's/-.*//')" "$msgs" "$threads" "$m_wall" "$m_rss" "$(size_mb "$inbox")"
    else
        add_row public-inbox n/a n/a failed n/a n/a
    fi
    unset PI_CONFIG
}

# ---------------------------------------------------------------- ListArchive (optional)
run_listarchive() {
    export LA_DATA="$work/listarchive-data" LA_CORPUS="$corpus" LA_MBOX="$mbox" LA_MAILDIR="$maildir"
    mkdir -p "$LA_DATA"
    pushd "$repo_root" >/dev/null
    if measure listarchive bash -c "$LISTARCHIVE_CMD"; then
        local msgs=n/a threads=n/a
        if [[ -n "${LISTARCHIVE_COUNT_CMD:-}" ]]; then
            read -r msgs threads < <(bash -c "$LISTARCHIVE_COUNT_CMD" | tail -n 1) || true
        fi
        add_row listarchive "${msgs:-n/a}" "${threads:-n/a}" "$m_wall" "$m_rss" "$(size_mb "$LA_DATA")"
    else
        add_row listarchive n/a n/a failed n/a n/a
    fi
    popd >/dev/null
}

for p in $peers; do
    case $p in
        notmuch) run_notmuch ;;
        mhonarc) run_mhonarc ;;
        public-inbox) run_public_inbox ;;
        *) echo "run-peers: unknown peer $p" >&2; exit 2 ;;
    esac
done
if [[ -n "${LISTARCHIVE_CMD:-}" ]]; then run_listarchive; fi

# ---------------------------------------------------------------- table
echo
echo "corpus: $corpus ($input_msgs pipermail messages, $input_mids distinct Message-IDs, mbox $(( mbox_bytes / 1048576 )) MB)"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average (1/5/15 min) at start: $load_start, at end: $(cut -d' ' -f1-3 /proc/loadavg) — other work on the machine skews wall times"
echo
echo "| tool | messages indexed | threads | wall s | msgs/s | CPU s | CPU % | peak RSS MB | on-disk MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in "${rows[@]}"; do
    IFS='|' read -r t m th w r2 cpus cpu rss sz <<<"$r"
    echo "| $t | $m | $th | $w | $r2 | $cpus | $cpu | $rss | $sz |"
done
