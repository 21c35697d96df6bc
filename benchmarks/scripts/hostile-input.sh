#!/usr/bin/env bash
# Memory on hostile input, whole process: generates (streaming, never held in memory) files built to exhaust memory
# and runs `dbot classify --json` and `dbot ingest` over each with /usr/bin/time -v, printing peak RSS, wall time and
# exit code. The bound to hold: peak RSS <= 300 MB for any single input up to 10 GB.
#   huge-message.mbox   a DSN, one message of SIZE MB (76-character lines), a DSN: the big one is reported, the others read
#   long-lines.mbox     the same with the big message as one line of SIZE MB
#   long-lines.log      a Postfix log whose middle line is SIZE MB long, between ordinary lines
#   bomb.eml.gz         SIZE MB of a header-less email body compressed to about 1/1000 (a gzip bomb)
#
# Usage: benchmarks/scripts/hostile-input.sh [SIZE_MB]     (default 512; the issue's bound is for up to 10240)
# Options (environment): DBOT=PATH  this dbot binary instead of publishing one; KEEP=DIR  generate into DIR and keep it.
# Needs: /usr/bin/time (GNU time), gzip, about 3 x SIZE MB free in the scratch folder.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
size="${1:-512}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dbot-hostile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
files="${KEEP:-$work/files}"
mkdir -p "$files"
[ -x /usr/bin/time ] || { echo "hostile-input.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }

if [ -n "${DBOT:-}" ]; then dbot=("$DBOT"); build="$DBOT"; else source "$repo/benchmarks/scripts/build-dbot.sh"; fi

dsn() { # recipient
  printf 'From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; %s\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n' "$1"
}
bytes=$((size * 1024 * 1024))
# SIZE MB of 'x' in lines of 76 characters (or one line with LINES=0), streamed by yes/tr/head: nothing is held.
filler() { if [ "$1" = lines ]; then yes "$(printf 'x%.0s' $(seq 1 76))" | head -c "$bytes"; else head -c "$bytes" /dev/zero | tr '\0' x; echo; fi; }
mbox() { # lines|one
  printf 'From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n'; dsn a@example.org; printf '\n'
  printf 'From MAILER-DAEMON Thu Nov 28 05:01:00 2026\nFrom: MAILER-DAEMON@mx.example.org\nSubject: huge\n\n'; filler "$1"; printf '\n'
  printf 'From MAILER-DAEMON Thu Nov 28 05:02:00 2026\n'; dsn c@example.org
}
line='Nov 28 05:00:01 mx1 postfix/smtp[12]: 3F2A11C0042: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))'
echo "generating ${size} MB hostile files in $files..." >&2
set +o pipefail # yes ends with SIGPIPE when head has enough
[ -s "$files/huge-message.mbox" ] || mbox lines > "$files/huge-message.mbox"
[ -s "$files/long-lines.mbox" ] || mbox one > "$files/long-lines.mbox"
[ -s "$files/long-lines.log" ] || { echo "$line"; filler one; echo "${line/b@/c@}"; } > "$files/long-lines.log"
[ -s "$files/bomb.eml.gz" ] || { printf 'From: MAILER-DAEMON@mx.example.org\nSubject: bomb\n\n'; filler lines; } | gzip -1 > "$files/bomb.eml.gz"

set -o pipefail
echo "dbot: $build; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %-9s %10s %9s %5s  %s\n' input command "peak RSS" wall exit "first line of stderr"
for f in huge-message.mbox long-lines.mbox long-lines.log bomb.eml.gz; do
  for cmd in classify ingest; do
    if [ "$cmd" = classify ]; then args=(classify --json "$files/$f"); else rm -rf "$work/data"; args=(ingest --quiet --data "$work/data" "$files/$f"); fi
    set +e
    /usr/bin/time -v -o "$work/time" "${dbot[@]}" "${args[@]}" > "$work/out" 2> "$work/err"
    code=$?
    set -e
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
    printf '%-22s %-9s %7d MB %9s %5s  %s\n' "$f" "$cmd" $((rss / 1024)) "$wall" "$code" "$(head -c 150 "$work/err" | head -1)"
  done
done
echo "file sizes: $(cd "$files" && ls -l --block-size=M huge-message.mbox long-lines.mbox long-lines.log bomb.eml.gz | awk '{printf "%s %s, ", $9, $5}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
