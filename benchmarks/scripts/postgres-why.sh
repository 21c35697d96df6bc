#!/usr/bin/env bash
# `why` on the PostgreSQL store at scale: p95 over warm runs, with ATTEMPTS stored attempts (default 100,000,000).
#   benchmarks/scripts/postgres-why.sh [ATTEMPTS] [PER_DAY]
# KEEP=DIR keeps the server and its data in DIR (running, for `HistoryBench why --store` again after a change; stop it
# with `pg_ctl -D DIR/pg stop`); with DIR already filled, the fill is skipped and only `why` is measured.
# Starts a throw-away PostgreSQL (the Debian postgresql package; as root its server runs as the postgres user) on a Unix
# socket in a scratch folder; ingests a tenth of a generated day of Postfix log through `dbot ingest --store`, fills the
# day to PER_DAY attempts (default 1,111,111 = 100M over 90 days) and copies that day backwards in time with INSERT ...
# SELECT (attempts and messages, identities offset) until ATTEMPTS are stored, and rebuilds the hourly, message and recipient rollups with GROUP BY. `why` reads its window's day partitions and the rollups, so the figure depends on the per-day density, not on
# how many days are stored: say which was run. event_ids (the write path's identity index) is not filled for the copies.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
attempts="${1:-100000000}"
per_day="${2:-1111111}"
work="${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/dbot-pgbench-XXXXXX")}"
mkdir -p "$work"
chmod 777 "$work"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() { as_owner "$bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
[ -n "${KEEP:-}" ] || trap stop EXIT

port=5499
# psql is needed on both paths: the fill, and the summary line of a kept store (KEEP=DIR already filled).
psql=("$bin/psql" -h "$work" -p "$port" -U dbot -d dbot -q -v ON_ERROR_STOP=1)
filled=false
if [ -f "$work/filled" ]; then
  filled=true
  as_owner "$bin/pg_ctl" -D "$work/pg" status >/dev/null 2>&1 || as_owner "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses='' -c shared_buffers=1GB -c work_mem=64MB" start >/dev/null
else
as_owner "$bin/initdb" -D "$work/pg" -U dbot --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses='' -c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=16GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"$bin/createdb" -h "$work" -p "$port" -U dbot dbot
fi
store="Host=$work;Port=$port;Username=dbot;Database=dbot"

source "$repo/benchmarks/scripts/build-dbot.sh"
echo "building HistoryBench..." >&2
dotnet build "$repo/benchmarks/DeliverabilityBot.HistoryBench" -c Release -o "$work/bench" -v quiet -nologo >/dev/null

if [ "$filled" = false ]; then
# A tenth of a day of log through `dbot ingest --store` (about 0.52 attempts per line, generated over one day), then
# nine copies of it into the same hours (identities offset, times moved within their hour) make the day's density.
lines=$(( per_day * 100 / 52 / 10 ))
dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" generate --lines "$lines" --days 1 --out "$work/day.log" >/dev/null
start=$(date +%s.%N)
"${dbot[@]}" ingest --store "$store" --data "$work/data" "$work/day.log" | tail -2
echo "ingest of $lines lines into PostgreSQL: $(echo "$(date +%s.%N) - $start" | bc) s wall"
seed=$("${psql[@]}" -At -c "SELECT COUNT(*) FROM events;")
echo "seed: $seed attempts; filling the day and copying it back in time to $attempts..."
start=$(date +%s.%N)
cols="ts_estimated, action, stage, kind, recipient, recipient_domain_id, receiver_id, reason_id, category_id, filter_id, ruleset_id, remote_host_id, remote_ip_id, sending_ip_id, sender_domain_id, reply_code, reply_id, reply_text"
mcols="recipient, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id"
"${psql[@]}" <<SQL
CREATE FUNCTION pg_temp.copy_events(id_offset bigint, shift bigint, in_hour bigint, row_offset bigint, max_row bigint, src_from bigint, src_to bigint) RETURNS void AS \$\$
  INSERT INTO events(hash, ts, $cols, message_key, source_id, hard_bounce, retryable, message_row, superseded, stream_id)
  SELECT hash + id_offset, ts - (ts % 3600) + ((ts % 3600 + in_hour) % 3600) - shift, $cols, message_key + id_offset, source_id,
         hard_bounce, retryable, message_row + row_offset, superseded, stream_id
    FROM events WHERE message_row <= max_row AND ts >= src_from AND ts < src_to;
  INSERT INTO messages(id, qkey, mkey, first_ts, last_ts, trouble_ts, final_ts, final_event, log_deferrals, report_deferrals, log_final, report_final, outcome, deferrals, attempts, $mcols)
  SELECT id + row_offset, qkey + id_offset, mkey + id_offset, first_ts - shift, last_ts - shift, trouble_ts - shift, final_ts - shift, final_event,
         log_deferrals, report_deferrals, log_final, report_final, outcome, deferrals, attempts, $mcols
    FROM messages WHERE id <= max_row;
\$\$ LANGUAGE sql;
CREATE FUNCTION pg_temp.ensure_days(first_day bigint, last_day bigint) RETURNS void AS \$\$
DECLARE d bigint;
BEGIN
  FOR d IN first_day..last_day LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS events_d%s PARTITION OF events FOR VALUES FROM (%s) TO (%s)',
                   to_char(to_timestamp(d * 86400) AT TIME ZONE 'UTC', 'YYYYMMDD'), d * 86400, (d + 1) * 86400);
  END LOOP;
END \$\$ LANGUAGE plpgsql;
SELECT MIN(ts) / 86400 AS d0, MAX(ts) / 86400 AS d1, (SELECT MAX(id) FROM messages) AS mmax, (SELECT COUNT(*) FROM events) AS seed FROM events \gset
-- the day: nine more copies of the seed, in its own hours
SELECT pg_temp.copy_events(k * 1000003, 0, k * 337, k * :mmax, :mmax, :d0 * 86400, (:d1 + 1) * 86400) FROM generate_series(1, 9) k;
SELECT (SELECT MAX(id) FROM messages) AS dmax, (SELECT COUNT(*) FROM events) AS per_day \gset
-- earlier days: copies of that day
SELECT pg_temp.ensure_days(:d0 - (:d1 - :d0 + 1) * k, :d1 - (:d1 - :d0 + 1) * k),
       pg_temp.copy_events(k * 100000007, (:d1 - :d0 + 1) * k * 86400, 0, k * :dmax, :dmax, :d0 * 86400, (:d1 + 1) * 86400)
  FROM generate_series(1, GREATEST(0, CEIL($attempts::numeric / :per_day)::int - 1)) k;
TRUNCATE hourly, messages_hourly, recipients_hourly;
INSERT INTO recipients_hourly SELECT ruleset_id, floor(ts / 3600.0)::bigint, receiver_id, recipient, COUNT(*)
  FROM events WHERE action <> 2 AND superseded = 0 AND recipient IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO hourly SELECT ts / 3600, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, COUNT(*), MIN(ts), MAX(ts)
  FROM events WHERE superseded = 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
INSERT INTO messages_hourly SELECT first_ts / 3600, receiver_id, outcome, (outcome <> 1 OR deferrals > 0)::int, ruleset_id, sending_ip_id, sender_domain_id, stream_id, COUNT(*)
  FROM messages GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
VACUUM ANALYZE;
SQL
echo "copies and rollups: $(echo "$(date +%s.%N) - $start" | bc) s wall"
touch "$work/filled"
fi
"${psql[@]}" -At -c "SELECT 'stored: ' || (SELECT COUNT(*) FROM events) || ' attempts, ' || (SELECT COUNT(*) FROM messages) || ' messages, ' || (SELECT COUNT(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events') || ' day partitions, database ' || pg_size_pretty(pg_database_size('dbot'));"
for receiver in icloud all; do
  dotnet "$work/bench/DeliverabilityBot.HistoryBench.dll" why --data "$work/data" --store "$store" --runs 50 --receiver "$receiver"
done
echo "($build; load $(cut -d' ' -f1-3 /proc/loadavg))"
