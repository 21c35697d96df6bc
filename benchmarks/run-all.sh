#!/usr/bin/env bash
# Every whole-process benchmark in one go, one run each, for the figures table at the top of benchmarks/README.md.
# Run it on a quiet machine: it prints the load average before each benchmark, and figures taken under load are
# upper bounds. Each benchmark's full output goes to RESULTS/<name>.txt; the lines that carry figures are echoed.
#
# Usage: benchmarks/run-all.sh [RESULTS]     (default: a new folder under $TMPDIR)
#   SKIP="load sisimai" benchmarks/run-all.sh   skips benchmarks by name: cold-start, sisimai, log, history, load
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
results="${1:-$(mktemp -d "${TMPDIR:-/tmp}/dbot-bench-all.XXXXXX")}"
mkdir -p "$results"
skip=" ${SKIP:-} "
failed=0

bench() { # name, grep pattern for the lines with figures, command...
  local name="$1" pattern="$2"; shift 2
  if [[ "$skip" == *" $name "* ]]; then echo "== $name: skipped"; return; fi
  echo "== $name (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%SZ))"
  if "$@" > "$results/$name.txt" 2>&1; then
    grep -E "$pattern" "$results/$name.txt" || tail -5 "$results/$name.txt"
  else
    echo "FAILED (exit $?); last lines of $results/$name.txt:"; tail -10 "$results/$name.txt"; failed=1
  fi
}

bench cold-start 'median|shipped|generated' "$repo/benchmarks/scripts/cold-start.sh" 5
bench sisimai 'files|dbot|sisimai|ratio|floor|30x|load' "$repo/benchmarks/scripts/classify-vs-sisimai.sh"
bench log 'lines|bounces' "$repo/benchmarks/scripts/postfix-log-ingest.sh" 1000000
bench history 'ingest|Stored|why|RSS|load' "$repo/benchmarks/history/run.sh"
bench load 'POST|reply|replies|errors|working set|live heap|PASS' "$repo/benchmarks/scripts/load.sh" --clients 16 --requests 20000 --duration 180 --drain 60
echo "== done; full outputs in $results"
exit $failed
