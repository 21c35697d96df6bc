#!/usr/bin/env bash
# Intent and receiver accuracy of `dbot ask --json` over tests/fixtures/utterances/questions.tsv, each question in a
# fresh conversation (its own --conversation id) against an empty data folder: understanding only, no history needed.
# Usage: benchmarks/chat/intent-accuracy.sh [QUESTIONS.tsv]   (DBOT=... to use an installed dbot)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
questions=${1:-$root/tests/fixtures/utterances/questions.tsv}
if [[ -z "${DBOT:-}" ]]; then
  dotnet build "$root/src/DeliverabilityBot.Cli" -c Release -v q -nologo >/dev/null
  DBOT="dotnet $root/src/DeliverabilityBot.Cli/bin/Release/net10.0/dbot.dll"
fi
# Understanding only: no DNS lookups for the checks questions (they would measure the network, not the understander).
export DBOT_CHECKS=off
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
n=0; intents=0; receivers=0
while IFS=$'\t' read -r intent receiver question; do
  [[ -z "$intent" || "$intent" == \#* ]] && continue
  n=$((n + 1))
  out=$($DBOT ask --json --data "$data" --conversation "measure-$n" -- "$question" 2>/dev/null || echo '{}')
  got_intent=$(jq -r '.intent // "error"' <<<"$out")
  got_receiver=$(jq -r '.entities.receiver // "-"' <<<"$out")
  if [[ "$got_intent" == "$intent" ]]; then intents=$((intents + 1)); else echo "intent   $question -> $got_intent (expected $intent)"; fi
  if [[ "$got_receiver" == "$receiver" ]]; then receivers=$((receivers + 1)); else echo "receiver $question -> $got_receiver (expected $receiver)"; fi
done <"$questions"
awk -v n="$n" -v i="$intents" -v r="$receivers" 'BEGIN { printf "%d questions: intent %.1f%% (%d), receiver %.1f%% (%d)\n", n, 100*i/n, i, 100*r/n, r }'
