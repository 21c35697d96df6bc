#!/usr/bin/env bash
# Whole-process history benchmarks (issue 5, item 6): ingest of a 1,000,000-line Postfix log (lines/s end to end,
# `dbot ingest` as a user runs it), then warm `why` latency and memory over a store of at least 1,000,000 messages
# (one per recipient of a queued message; about 1,060,000 from the two logs below, 2,500,000 lines).
# Usage: benchmarks/history/run.sh [WORKDIR]   (default: a temporary folder; needs ~1 GB free)
# dbot is the ReadyToRun publish (`dotnet publish -r <rid>`, the binary README.md recommends); DBOT_BUILD=plain times
# the plain Release build (`dotnet dbot.dll`, JIT: what this script timed until session 8); DBOT=PATH times that dbot
# (an apphost or a dbot.dll) instead of building one, for a before/after pair. Logs already generated in WORKDIR are reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
work=${1:-$(mktemp -d)}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -n "${DBOT:-}" ]; then
  case "$DBOT" in *.dll) dbot=(dotnet "$DBOT") ;; *) dbot=("$DBOT") ;; esac
  build="given: $DBOT"
else
  source benchmarks/scripts/build-dbot.sh
fi
dotnet build -c Release benchmarks/DeliverabilityBot.HistoryBench -o "$work/bench" -v q -nologo >/dev/null

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "== dbot: ${build}"
echo "== generating logs"
[ -s "$work/postfix-1m.log" ] || dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" generate --lines 1000000 --out "$work/postfix-1m.log" --seed 1 --days 7
[ -s "$work/postfix-more.log" ] || dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" generate --lines 1500000 --out "$work/postfix-more.log" --seed 2 --days 7

echo "== ingest: 1,000,000 lines into an empty store"
rm -rf "$work/data"
start=$(date +%s.%N)
/usr/bin/time -f "ingest peak RSS %M KB, CPU %U s user + %S s system" "${dbot[@]}" ingest --quiet --data "$work/data" "$work/postfix-1m.log"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "ingest: 1,000,000 lines in %.2f s = %.0f lines/s (whole process, incl. start-up)\n", e-s, 1000000/(e-s) }'

echo "== ingest again (idempotency: nothing new is stored)"
"${dbot[@]}" ingest --quiet --data "$work/data" "$work/postfix-1m.log" | sed -n 2p

echo "== filling the store past 1,000,000 messages"
"${dbot[@]}" ingest --quiet --data "$work/data" "$work/postfix-more.log" | tail -1

echo "== why: warm latency and memory (one process, 50 runs after warm-up)"
dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" why --data "$work/data" --runs 50 --receiver icloud
dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" why --data "$work/data" --runs 50 --receiver all
/usr/bin/time -f "dbot why icloud (cold process): %e s, peak RSS %M KB" "${dbot[@]}" why icloud --data "$work/data" --json >/dev/null
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
