#!/usr/bin/env bash
# Log ingest speed: generates a Postfix log of 1,000,000 lines (qmgr from= lines, deliveries sent/deferred/bounced
# with realistic replies, expiries) and times `dbot classify` over it (parse, classify every bounce, summary table),
# then `dbot classify --json` (one JSON line per bounce, written to a file).
#
# dbot is the ReadyToRun publish (`dotnet publish -r <rid>`, the fast binary README.md describes); DBOT_BUILD=plain
# measures the plain Release build (`dotnet dbot.dll`) instead. Prints the load average and CPU seconds too.
#
# Usage: benchmarks/scripts/postfix-log-ingest.sh [LINES]     (default 1000000)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
lines="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dbot-logbench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

source "$repo/benchmarks/scripts/build-dbot.sh"

echo "generating $lines Postfix log lines..." >&2
awk -v n="$lines" 'BEGIN {
  srand(42);
  split("icloud.com gmail.com yahoo.com outlook.com example.org me.com", dom, " ");
  split("mx01.mail.icloud.com gmail-smtp-in.l.google.com mta5.am0.yahoodns.net example-org.mail.protection.outlook.com mx.example.org mx02.mail.icloud.com", mx, " ");
  r[1] = "said: 550 5.1.1 <%s>: user does not exist (in reply to RCPT TO command)";
  r[2] = "said: 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command)";
  r[3] = "said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command)";
  r[4] = "said: 452 4.2.2 The email account that you tried to reach is over quota (in reply to RCPT TO command)";
  r[5] = "refused to talk to me: 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org";
  for (i = 0; i < n; i++) {
    q = sprintf("%X%05X", 4096 + (i % 4000), i);
    t = sprintf("Nov 28 %02d:%02d:%02d", int(i / 360000) % 24, int(i / 6000) % 60, int(i / 100) % 60);
    d = 1 + int(rand() * 6); u = sprintf("user%d@%s", int(rand() * 100000), dom[d]);
    x = rand();
    if (i % 5 == 0) { printf "%s mx1 postfix/qmgr[1201]: %s: from=<news@example.com>, size=%d, nrcpt=1 (queue active)\n", t, q, 2000 + int(rand()*50000); continue }
    if (x < 0.70) { printf "%s mx1 postfix/smtp[2342]: %s: to=<%s>, relay=%s[192.0.2.%d]:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4XyZ%d)\n", t, q, u, mx[d], d, i; continue }
    k = 1 + int(rand() * 5); reply = sprintf(r[k], u);
    status = (k == 2 || k == 4) ? "deferred" : "bounced"; code = (k == 2) ? "4.7.0" : (k == 4 ? "4.2.2" : (k == 1 ? "5.1.1" : "5.7.1"));
    printf "%s mx1 postfix/smtp[2342]: %s: to=<%s>, relay=%s[192.0.2.%d]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=%s, status=%s (host %s[192.0.2.%d] %s)\n", t, q, u, mx[d], d, code, status, mx[d], d, reply;
  }
}' > "$work/mail.log"
count=$(wc -l < "$work/mail.log")

now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
load_before=$(load)
timed=("${dbot[@]}"); [ -x /usr/bin/time ] && timed=(/usr/bin/time -f '%U %S' -o "$work/cpu" "${dbot[@]}")
start=$(now); "${timed[@]}" classify "$work/mail.log" > "$work/summary.txt"; end=$(now)
secs=$(echo "$end - $start" | bc -l)
head -1 "$work/summary.txt"
printf 'lines %d  time %.2f s  %.0f lines/s (whole process: start, parse, classify every bounce, summary; %s)\n' "$count" "$secs" "$(echo "$count / $secs" | bc -l)" "$build"
[ -s "$work/cpu" ] && awk '{ printf "CPU %.2f s\n", $1 + $2 }' "$work/cpu"
start=$(now); "${timed[@]}" classify --json "$work/mail.log" > "$work/bounces.jsonl"; end=$(now)
secs=$(echo "$end - $start" | bc -l)
printf 'classify --json: %d lines  time %.2f s  %.0f lines/s (%d JSON lines, %d MB)\n' "$count" "$secs" "$(echo "$count / $secs" | bc -l)" \
  "$(wc -l < "$work/bounces.jsonl")" "$(( $(stat -c %s "$work/bounces.jsonl") / 1048576 ))"
[ -s "$work/cpu" ] && awk '{ printf "CPU %.2f s\n", $1 + $2 }' "$work/cpu"
printf 'load average %s before, %s after (%s cores)\n' "$load_before" "$(load)" "$(nproc 2>/dev/null || echo '?')"
