#!/usr/bin/env bash
# Bounded load test on loopback: the real server (demo day, Slack in HTTP mode with a test signing secret, its Web API
# pointed at a fake on 127.0.0.1) under N concurrent clients sending /api/chat turns and signed Slack events (a share
# re-delivered with X-Slack-Retry-Num). Prints p50/p95/p99 and requests/s per endpoint, Slack replies per event (exactly
# one each), memory over the run; exits non-zero on any error, duplicate or missing reply.
#
# Usage: benchmarks/scripts/load.sh [--clients 16] [--requests 20000] [--duration 180] [--slack-share 0.5]
#                                   [--retry-share 0.2] [--drain 60] [--seed 1] [--hold 0]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/dbot-load.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building the load test and the server (Release)..." >&2
dotnet build "$repo/benchmarks/DeliverabilityBot.LoadTest" -c Release -o "$work/load" -v quiet -nologo >/dev/null

echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "before: $(uptime)"
status=0
dotnet "$work/load/DeliverabilityBot.LoadTest.dll" "$@" || status=$?
echo "after:  $(uptime)"
exit "$status"
