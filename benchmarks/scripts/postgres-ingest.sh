#!/usr/bin/env bash
# Whole-process `dbot ingest` of the generated Postfix log benchmarks/history uses (seed 1, 7 days; default 1,000,000
# lines) into the embedded SQLite store and into PostgreSQL, one after the other on the same machine.
#   benchmarks/scripts/postgres-ingest.sh [LINES]
# Starts a throw-away PostgreSQL (the Debian postgresql package; as root its server runs as the postgres user) on a Unix
# socket in a scratch folder, with the durability settings of a bulk load (fsync off) as postgres-why.sh does; SQLite
# runs with its defaults. Prints wall time, lines/s and attempts/s for each, then ingests the log into PostgreSQL again
# (idempotency: nothing new is stored).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
lines="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dbot-pgingest-XXXXXX")"
chmod 777 "$work"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() { as_owner "$bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT

port=5498
as_owner "$bin/initdb" -D "$work/pg" -U dbot --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses='' -c shared_buffers=512MB -c work_mem=64MB -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"$bin/createdb" -h "$work" -p "$port" -U dbot dbot
psql=("$bin/psql" -h "$work" -p "$port" -U dbot -d dbot -At)
store="Host=$work;Port=$port;Username=dbot;Database=dbot"

source "$repo/benchmarks/scripts/build-dbot.sh"
echo "building HistoryBench..." >&2
dotnet build "$repo/benchmarks/DeliverabilityBot.HistoryBench" -c Release -o "$work/bench" -v quiet -nologo >/dev/null
dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" generate --lines "$lines" --out "$work/postfix.log" --seed 1 --days 7 >/dev/null

timed() { # label, then the command
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "  peak RSS %M KB, CPU %U s user + %S s system" "$@" | tail -1
  end=$(date +%s.%N)
  echo "$label: $(echo "$end - $start" | bc) s wall"
  last_wall=$(echo "$end - $start" | bc)
}
timed "SQLite ingest of $lines lines" "${dbot[@]}" ingest --quiet --data "$work/sqlite" "$work/postfix.log"
sqlite_wall=$last_wall
timed "PostgreSQL ingest of $lines lines" "${dbot[@]}" ingest --quiet --store "$store" --data "$work/pgdata" "$work/postfix.log"
pg_wall=$last_wall
attempts=$("${psql[@]}" -c "SELECT COUNT(*) FROM events;")
messages=$("${psql[@]}" -c "SELECT COUNT(*) FROM messages;")
echo "PostgreSQL: $attempts attempts, $messages messages stored; $(echo "$attempts / $pg_wall" | bc) attempts/s, $(echo "$lines / $pg_wall" | bc) lines/s"
echo "SQLite: $(echo "$lines / $sqlite_wall" | bc) lines/s; PostgreSQL takes $(echo "scale=2; $pg_wall / $sqlite_wall" | bc)x SQLite's wall time"
timed "PostgreSQL ingest again (nothing new)" "${dbot[@]}" ingest --quiet --store "$store" --data "$work/pgdata" "$work/postfix.log"
echo "after the second ingest: $("${psql[@]}" -c "SELECT COUNT(*) FROM events;") attempts; database $("${psql[@]}" -c "SELECT pg_size_pretty(pg_database_size('dbot'));")"
echo "($build; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg))"
