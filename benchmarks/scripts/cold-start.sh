#!/usr/bin/env bash
# Cold start, whole process: N runs of one `dbot explain` for the shipped (embedded) rule set and for generated rule
# folders of 100 and 1,000 rules, each as the Release build output (`dotnet dbot.dll`, JIT) and as the ReadyToRun
# publish (`dbot` apphost, precompiled; what `dotnet publish -r <rid>` gives). Prints wall time and peak RSS per run
# (/usr/bin/time), the medians of wall and CPU (user + system) time, and the load average, so figures from a busy
# machine are recognisable as such (there wall time inflates far more than CPU time).
#
# Usage: benchmarks/scripts/cold-start.sh [RUNS]     (default 5)
#   DBOT_TIMING=1 in the environment adds each run's start-up phases (and JIT counts) to the output.
#   COMPOSITE=1 also measures the self-contained publish with one composite ReadyToRun image of dbot and the framework
#   (`-r <rid> --self-contained true -p:PublishReadyToRunComposite=true`; its publish takes minutes).
#   R2R=DIR / COMPOSITE_DIR=DIR use an existing publish folder (holding `dbot`) instead of publishing one.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
work="$(mktemp -d "${TMPDIR:-/tmp}/dbot-coldstart.XXXXXX")"
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "cold-start.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }

echo "building dbot (Release) and publishing it ReadyToRun for $rid..." >&2
dotnet build "$repo/src/DeliverabilityBot.Cli" -c Release -o "$work/build" -v quiet -nologo >/dev/null
r2r="${R2R:-$work/r2r}"
[ -n "${R2R:-}" ] || dotnet publish "$repo/src/DeliverabilityBot.Cli" -c Release -r "$rid" --self-contained false -o "$r2r" -v quiet -nologo >/dev/null
composite="${COMPOSITE_DIR:-}"
if [ "${COMPOSITE:-0}" = 1 ] && [ -z "$composite" ]; then
  echo "publishing dbot self-contained with a composite ReadyToRun image of it and the framework..." >&2
  composite="$work/composite"
  dotnet publish "$repo/src/DeliverabilityBot.Cli" -c Release -r "$rid" --self-contained true -p:PublishReadyToRunComposite=true -o "$composite" -v quiet -nologo >/dev/null
fi

# One generic rule per id: a code, a status, a `contains` (every fourth a regex with a named group) and an example,
# the shape of the ColdStart BenchmarkDotNet benchmark's generated sets.
generate() {
  local n="$1" dir="$2"
  mkdir -p "$dir"
  awk -v n="$n" 'BEGIN {
    print "family: SMTP\nscope: generic\nrules:";
    for (i = 1; i <= n; i++) {
      cls = (i % 2 == 0) ? 5 : 4;
      text = (i % 4 == 0) ? sprintf("regex: '\''marker%d\\b.*(?<x>\\d+)'\''", i) : sprintf("contains: '\''marker%d '\''", i);
      printf "  - id: SMTP%04d\n    title: synthetic %d\n    message: \"synthetic %d for {recipient}\"\n", i, i, i;
      printf "    category: none\n    severity: info\n    priority: %d\n", i % 100;
      printf "    helpUri: https://www.rfc-editor.org/rfc/rfc5321\n";
      printf "    references: [{url: \"https://www.rfc-editor.org/rfc/rfc3463\", confidence: official}]\n";
      printf "    match:\n      code: %dxx\n      status: %d.%d.*\n      %s\n", cls, cls, i % 8, text;
      printf "    explanation: synthetic\n    actions: [none]\n    examples: [\"%d50 %d.%d.1 marker%d 42\"]\n\n", cls, cls, i % 8, i;
    }
  }' > "$dir/synthetic.yaml"
}
generate 100 "$work/rules-100"
generate 1000 "$work/rules-1000"

reply="554 5.7.1 [CS01] Message rejected due to local policy"
measure() {
  local label="$1"; shift
  local times="$work/times.txt"
  : > "$times"
  "$@" explain --to someone@icloud.com "$reply" > "$work/out.txt" # the answer must be a real one, not an error
  grep -q "Reason:" "$work/out.txt" || { echo "cold-start.sh: $label gave no explanation:" >&2; cat "$work/out.txt" >&2; exit 1; }
  for _ in $(seq "$runs"); do
    /usr/bin/time -a -o "$times" -f "%e %M %U %S" "$@" explain --to someone@icloud.com "$reply" > /dev/null
  done
  awk -v label="$label" '{ w[NR] = $1; c[NR] = $3 + $4; m = ($2 > m) ? $2 : m; list = list sprintf("%.2f ", $1) }
    END {
      for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) {
        if (w[j] < w[i]) { t = w[i]; w[i] = w[j]; w[j] = t }
        if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
      }
      printf "%-34s wall median %.3f s (min %.3f)  CPU median %.3f s  peak RSS %d MB  (wall: %s)\n", label, w[int((NR + 1) / 2)], w[1], c[int((NR + 1) / 2)], m / 1024, list
    }' "$times"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores, $runs runs each)"
for set in shipped 100 1000; do
  if [ "$set" = shipped ]; then args=(); else args=(--rules "$work/rules-$set"); fi
  measure "$set, build (dotnet dbot.dll)" dotnet "$work/build/dbot.dll" "${args[@]}"
  measure "$set, ReadyToRun publish (dbot)" "$r2r/dbot" "${args[@]}"
  [ -z "$composite" ] || measure "$set, composite self-contained (dbot)" "$composite/dbot" "${args[@]}"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
