#!/usr/bin/env bash
# Whole-process speed: `dbot classify --json` against Sisimai (Perl, Debian's libsisimai-perl) over the same files:
# the shared Sisimai corpus replicated to at least 20,000 files. Prints files/s of each and the ratio, from one run.
#
# dbot is the ReadyToRun publish (`dotnet publish -r <rid>`, the fast binary README.md describes); DBOT_BUILD=plain
# measures the plain Release build (`dotnet dbot.dll`, everything JIT-compiled at start) instead.
#
# Usage: benchmarks/scripts/classify-vs-sisimai.sh [COPIES]     (default 44 copies of maildir/ = 20,328 files)
# Options (environment), for short repeated runs on a shared machine:
#   SISIMAI=0        dbot only (Sisimai takes ~5x longer than dbot)
#   CORPUS=DIR       the replicated corpus in DIR (corpus-1 ... corpus-COPIES), made there if missing and kept
#   DBOT=PATH        this dbot binary instead of publishing one (e.g. an older build, for a before/after pair)
#   FLOOR=0          skip the floor lines: the same files only read (2 parallel `cat` processes, as dbot reads with
#                    2 threads) and dbot's start-up on an empty folder, what no implementation can go below
# Needs: the .NET 10 SDK, perl with libsisimai-perl (apt-get install -y libsisimai-perl), ../shared beside the repo.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${SHARED_DIR:-$repo/../shared}"
corpus="$shared/corpus/sisimai"
peer="$shared/tools/sisimai-peer/sisimai-jsonl.pl"
copies="${1:-44}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dbot-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

sisimai="${SISIMAI:-1}"
[ -d "$corpus/maildir" ] || { echo "no corpus at $corpus (set SHARED_DIR)" >&2; exit 2; }
if [ "$sisimai" != 0 ]; then
  perl -MSisimai -e1 2>/dev/null || { echo "Sisimai (Perl) is not installed: apt-get install -y libsisimai-perl" >&2; exit 2; }
fi

if [ -n "${DBOT:-}" ]; then
  dbot=("$DBOT"); build="$DBOT"
else
  source "$repo/benchmarks/scripts/build-dbot.sh"
fi

copies_dir="${CORPUS:-$work}"
mkdir -p "$copies_dir"
if [ ! -d "$copies_dir/corpus-$copies" ]; then
  echo "replicating the corpus $copies times..." >&2
  for i in $(seq 1 "$copies"); do [ -d "$copies_dir/corpus-$i" ] || cp -r "$corpus/maildir" "$copies_dir/corpus-$i"; done
fi
inputs=()
for i in $(seq 1 "$copies"); do inputs+=("corpus-$i"); done
files=$(cd "$copies_dir" && find "${inputs[@]}" -type f | wc -l)

now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
load_before=$(load)
run() { # output file, command...: runs once with stdout to the file, prints the elapsed seconds (CPU seconds to file.cpu)
  local out="$1" start end; shift
  if [ -x /usr/bin/time ]; then set -- /usr/bin/time -f '%U %S' -o "$out.cpu" "$@"; fi
  start=$(now); "$@" > "$out" 2> "$out.err"; end=$(now)
  echo "$end - $start" | bc -l
}
cpu() { [ -s "$1.cpu" ] && awk 'END { printf "%.2f s CPU", $1 + $2 }' "$1.cpu" || echo "CPU not measured"; }

dbot_s=$(cd "$copies_dir" && run "$work/dbot.jsonl" "${dbot[@]}" classify --json "${inputs[@]}")
if [ "${FLOOR:-1}" != 0 ]; then
  read_s=$(cd "$copies_dir" && run "$work/cat.out" sh -c 'find "$@" -type f -print0 | xargs -0 -P 2 -n 512 cat' sh "${inputs[@]}")
  mkdir -p "$work/empty"
  start_s=$(run "$work/empty.jsonl" "${dbot[@]}" classify --json "$work/empty")
fi
if [ "$sisimai" != 0 ]; then
  sisimai_s=$(cd "$copies_dir" && run "$work/sisimai.jsonl" perl "$peer" --timeout=30 "${inputs[@]}")
fi

load_after=$(load)
dbot_lines=$(wc -l < "$work/dbot.jsonl")
printf 'files                 %d  (dbot: %s)\n' "$files" "$build"
printf 'dbot classify --json  %.2f s  %.0f files/s  (%d bounces; %s)\n' "$dbot_s" "$(echo "$files / $dbot_s" | bc -l)" "$dbot_lines" "$(cpu "$work/dbot.jsonl")"
if [ "${FLOOR:-1}" != 0 ]; then
  printf 'floor: read only      %.2f s  (the same files through 2 parallel cat processes, %s)\n' "$read_s" "$(cpu "$work/cat.out")"
  printf 'floor: dbot start-up  %.2f s  (classify --json on an empty folder: runtime, rules, exit)\n' "$start_s"
fi
if [ "$sisimai" = 0 ]; then
  printf 'load average          %s before, %s after (%s cores)\n' "$load_before" "$load_after" "$(nproc 2>/dev/null || echo '?')"
  exit 0
fi
sisimai_lines=$(wc -l < "$work/sisimai.jsonl")
printf 'sisimai %-13s %.2f s  %.0f files/s  (%d bounces; %s)\n' "$(perl -MSisimai -e 'print Sisimai->version')" "$sisimai_s" "$(echo "$files / $sisimai_s" | bc -l)" "$sisimai_lines" "$(cpu "$work/sisimai.jsonl")"
printf 'ratio                 %.1fx\n' "$(echo "$sisimai_s / $dbot_s" | bc -l)"
if [ "${FLOOR:-1}" != 0 ]; then # what 30x would leave once the floor is paid
  printf '30x Sisimai would be  %.2f s; read-only + start-up floor %.2f s\n' "$(echo "$sisimai_s / 30" | bc -l)" "$(echo "$read_s + $start_s" | bc -l)"
fi
if [ -s "$work/dbot.jsonl.cpu" ] && [ -s "$work/sisimai.jsonl.cpu" ]; then # less sensitive to a busy machine than wall time
  printf 'CPU-time ratio        %.1fx\n' "$(awk 'NR == FNR { d = $1 + $2; next } { s = $1 + $2 } END { print s / d }' "$work/dbot.jsonl.cpu" "$work/sisimai.jsonl.cpu")"
fi
printf 'load average          %s before, %s after (%s cores)\n' "$load_before" "$load_after" "$(nproc 2>/dev/null || echo '?')"
