namespace DeliverabilityBot.Store.Schema;

/// <summary>
/// The schema, as an ordered list of migrations. Version N is stored in <c>PRAGMA user_version</c>;
/// a migration is never edited once shipped: add a new one instead.
/// </summary>
public static class Migrations
{
    /// <summary>Every migration, index i moves the schema from version i to i + 1.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: events, interned dimensions, interned replies, hourly rollups.
        """
        CREATE TABLE dims (
            id    INTEGER PRIMARY KEY,
            kind  INTEGER NOT NULL,
            value TEXT NOT NULL,
            UNIQUE (kind, value));

        -- Non-delivered replies repeat (the same 421 for thousands of attempts): stored once.
        CREATE TABLE replies (
            id   INTEGER PRIMARY KEY,
            hash INTEGER NOT NULL UNIQUE,
            text TEXT NOT NULL);

        -- One row per attempt to one recipient. ts: unix seconds (UTC). action: DeliveryAction.
        -- reply_id for interned replies, reply_text inline for delivered replies (they carry queue ids).
        CREATE TABLE events (
            id            INTEGER PRIMARY KEY,
            hash          INTEGER NOT NULL,
            ts            INTEGER NOT NULL,
            ts_estimated  INTEGER NOT NULL DEFAULT 0,
            action        INTEGER NOT NULL,
            stage         INTEGER NOT NULL,
            kind          INTEGER NOT NULL,
            recipient     TEXT,
            recipient_domain_id INTEGER NOT NULL,
            receiver_id   INTEGER NOT NULL,
            reason_id     INTEGER NOT NULL,
            category_id   INTEGER NOT NULL,
            filter_id     INTEGER NOT NULL,
            ruleset_id    INTEGER NOT NULL,
            remote_host_id INTEGER NOT NULL,
            remote_ip_id  INTEGER NOT NULL,
            sending_ip_id INTEGER NOT NULL,
            sender_domain_id INTEGER NOT NULL,
            reply_code    INTEGER,
            reply_id      INTEGER,
            reply_text    TEXT,
            message_key   INTEGER,
            source_id     INTEGER NOT NULL,
            hard_bounce   INTEGER NOT NULL,
            retryable     INTEGER NOT NULL);
        CREATE UNIQUE INDEX ix_events_hash ON events(hash);
        CREATE INDEX ix_events_ts ON events(ts);
        CREATE INDEX ix_events_ruleset_ts ON events(ruleset_id, ts) WHERE action <> 2;
        CREATE INDEX ix_events_deferred_message ON events(message_key) WHERE action = 1;

        -- Pre-aggregated counts per UTC hour, kept in the same transaction as the events they count.
        CREATE TABLE hourly (
            hour          INTEGER NOT NULL,
            receiver_id   INTEGER NOT NULL,
            action        INTEGER NOT NULL,
            reason_id     INTEGER NOT NULL,
            category_id   INTEGER NOT NULL,
            filter_id     INTEGER NOT NULL,
            ruleset_id    INTEGER NOT NULL,
            sending_ip_id INTEGER NOT NULL,
            sender_domain_id INTEGER NOT NULL,
            n             INTEGER NOT NULL,
            first_ts      INTEGER NOT NULL,
            last_ts       INTEGER NOT NULL,
            PRIMARY KEY (hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id)
        ) WITHOUT ROWID;

        -- Each ingested source: path, size, events read and stored, when.
        CREATE TABLE sources (
            id       INTEGER PRIMARY KEY,
            path     TEXT NOT NULL,
            bytes    INTEGER NOT NULL,
            events   INTEGER NOT NULL,
            stored   INTEGER NOT NULL,
            ingested INTEGER NOT NULL);
        """,

        // 2: the identity scheme of the store's hashes (events.hash, events.message_key, replies.hash). A store that
        // already holds data keeps SHA-256, so what it stored stays comparable and re-ingesting stays idempotent; an
        // empty one takes XxHash3. See IdentityScheme.
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO meta(key, value)
            SELECT 'identity', CASE WHEN EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM replies) THEN 'sha256' ELSE 'xxh3' END;
        """,

        // 3: messages (issue 13). One row per recipient of a queued message, joined from every piece of evidence about
        // it (log lines, DSNs, ESP events): attempts link to it (events.message_row), and a report (DSN) of something a
        // log already recorded is kept as evidence but marked superseded, so attempts are not counted twice. Existing
        // events are joined by queue id and recipient here; evidence with no queue id is a message of its own.
        // Outcome: MessageOutcome (0 pending, 1 delivered, 2 bounced, 3 expired). Kinds 3 and 4 (log line, ESP event)
        // are primary evidence; kind 0 (a reply or DSN) is a report.
        """
        ALTER TABLE events ADD COLUMN message_row INTEGER;
        ALTER TABLE events ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN stream_id INTEGER NOT NULL DEFAULT 0;

        -- qkey: the key of the queue id (events.message_key), else of the Message-ID header (then mkey = qkey), else the
        -- first event's own identity (a message nothing else can join). The *_final columns hold a MessageOutcome
        -- (0: none yet) per kind of evidence; outcome, deferrals and attempts are derived from them on every write.
        CREATE TABLE messages (
            id               INTEGER PRIMARY KEY,
            qkey             INTEGER NOT NULL,
            recipient        TEXT NOT NULL,
            mkey             INTEGER,
            first_ts         INTEGER NOT NULL,
            last_ts          INTEGER NOT NULL,
            receiver_id      INTEGER NOT NULL DEFAULT 0,
            sending_ip_id    INTEGER NOT NULL DEFAULT 0,
            sender_domain_id INTEGER NOT NULL DEFAULT 0,
            stream_id        INTEGER NOT NULL DEFAULT 0,
            ruleset_id       INTEGER NOT NULL DEFAULT 0,
            trouble_ts       INTEGER NOT NULL DEFAULT 0,
            log_deferrals    INTEGER NOT NULL DEFAULT 0,
            report_deferrals INTEGER NOT NULL DEFAULT 0,
            log_final        INTEGER NOT NULL DEFAULT 0,
            report_final     INTEGER NOT NULL DEFAULT 0,
            final_ts         INTEGER,
            final_event      INTEGER,
            outcome          INTEGER NOT NULL DEFAULT 0,
            deferrals        INTEGER NOT NULL DEFAULT 0,
            attempts         INTEGER NOT NULL DEFAULT 0);
        CREATE UNIQUE INDEX ix_messages_key ON messages(qkey, recipient);
        CREATE INDEX ix_messages_mkey ON messages(mkey, recipient) WHERE mkey IS NOT NULL;
        CREATE INDEX ix_messages_first ON messages(first_ts);
        CREATE INDEX ix_events_report_message ON events(message_row) WHERE kind = 0;

        -- Messages per UTC hour of their first evidence, kept with the messages in the same transaction. affected: not
        -- simply delivered at the first try (bounced, expired, pending, or deferred at least once).
        CREATE TABLE messages_hourly (
            hour             INTEGER NOT NULL,
            receiver_id      INTEGER NOT NULL,
            outcome          INTEGER NOT NULL,
            affected         INTEGER NOT NULL,
            ruleset_id       INTEGER NOT NULL,
            sending_ip_id    INTEGER NOT NULL,
            sender_domain_id INTEGER NOT NULL,
            stream_id        INTEGER NOT NULL,
            n                INTEGER NOT NULL,
            PRIMARY KEY (hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id)
        ) WITHOUT ROWID;

        CREATE TEMP TABLE expired_reason AS SELECT id FROM dims WHERE kind = 2 AND value = 'expired';
        INSERT INTO messages(qkey, recipient, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, ruleset_id,
                             log_deferrals, report_deferrals, log_final, report_final, final_ts)
            SELECT COALESCE(message_key, hash), COALESCE(recipient, ''), MIN(ts), MAX(ts), MAX(receiver_id),
                   MAX(sending_ip_id), MAX(sender_domain_id), MAX(CASE WHEN action <> 2 THEN ruleset_id ELSE 0 END),
                   SUM(kind IN (3, 4) AND action = 1), SUM(kind = 0 AND action = 1),
                   MAX(CASE WHEN kind NOT IN (3, 4) OR action = 1 THEN 0 WHEN action <> 0 THEN 1
                            WHEN reply_code BETWEEN 400 AND 499 OR reason_id IN (SELECT id FROM expired_reason) THEN 3 ELSE 2 END),
                   MAX(CASE WHEN kind <> 0 OR action = 1 THEN 0 WHEN action <> 0 THEN 1
                            WHEN reply_code BETWEEN 400 AND 499 OR reason_id IN (SELECT id FROM expired_reason) THEN 3 ELSE 2 END),
                   MAX(CASE WHEN action <> 1 THEN ts END)
            FROM events WHERE kind IN (0, 3, 4)
            GROUP BY COALESCE(message_key, hash), COALESCE(recipient, '');
        DROP TABLE expired_reason;
        UPDATE messages SET
            outcome = CASE WHEN log_final <> 0 THEN log_final ELSE report_final END,
            deferrals = max(log_deferrals, report_deferrals);
        UPDATE messages SET attempts = deferrals + (outcome IN (1, 2));
        UPDATE events SET message_row = (SELECT m.id FROM messages m
                                         WHERE m.qkey = COALESCE(events.message_key, events.hash) AND m.recipient = COALESCE(events.recipient, ''))
            WHERE kind IN (0, 3, 4);
        INSERT INTO messages_hourly(hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id, n)
            SELECT first_ts / 3600, receiver_id, outcome, outcome <> 1 OR deferrals > 0, ruleset_id, sending_ip_id, sender_domain_id, stream_id, COUNT(*)
            FROM messages GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
        """,

        // 4: messages are looked up by one integer (MessageLookupKey: key from qkey and recipient, hkey from mkey and
        // recipient) instead of a key and a recipient text: the writer's seeks compare integers and the indexes are about
        // half the size. The lookup still checks qkey/mkey and recipient, so two messages sharing a hash stay apart.
        // dbot_message_key is registered on the connection by the Migrator.
        """
        ALTER TABLE messages ADD COLUMN key INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN hkey INTEGER;
        UPDATE messages SET key = dbot_message_key(qkey, recipient),
                            hkey = CASE WHEN mkey IS NULL THEN NULL ELSE dbot_message_key(mkey, recipient) END;
        DROP INDEX ix_messages_key;
        DROP INDEX ix_messages_mkey;
        CREATE INDEX ix_messages_lookup ON messages(key);
        CREATE INDEX ix_messages_header ON messages(hkey) WHERE hkey IS NOT NULL;
        """,

        // 5: incidents (issue 16): one row per episode of one diagnosis in one scope, opened, updated and resolved by the
        // alert detector, and where each was posted (Slack message ts, Teams activity id), so a restart edits the same
        // message. The columns are what queries filter on; the rest is the record as JSON. At most one open incident
        // per key (receiver|scope|diagnosis). state: 0 open, 1 resolved.
        """
        CREATE TABLE incidents (
            id        INTEGER PRIMARY KEY,
            key       TEXT NOT NULL,
            receiver  TEXT NOT NULL,
            state     INTEGER NOT NULL,
            opened_ts INTEGER NOT NULL,
            body      TEXT NOT NULL);
        CREATE UNIQUE INDEX ix_incidents_open_key ON incidents(key) WHERE state = 0;
        CREATE INDEX ix_incidents_opened ON incidents(opened_ts);

        CREATE TABLE incident_posts (
            incident_id INTEGER NOT NULL,
            channel     TEXT NOT NULL,
            target      TEXT NOT NULL,
            body        TEXT NOT NULL,
            PRIMARY KEY (incident_id, channel, target)
        ) WITHOUT ROWID;
        """,

        // 6: an event is unique within its message rather than across the table. A log line with a queue id always joins
        // the same message (its queue id and recipient), so the identity check is a seek next to the message's other
        // attempts (new messages take ascending ids: an append) instead of a seek at a random place in an index of every
        // event (about a third of the writer's CPU at 520,000 events). Every other event (reports, which may join by
        // Message-ID, and anything without a message or queue id) stays unique across the table. The new index also
        // finds a message's reports, which ix_events_report_message did.
        """
        DROP INDEX ix_events_hash;
        DROP INDEX ix_events_report_message;
        CREATE UNIQUE INDEX ix_events_message ON events(message_row, hash);
        CREATE UNIQUE INDEX ix_events_hash ON events(hash) WHERE message_row IS NULL OR message_key IS NULL OR kind NOT IN (3, 4);
        """,

        // 7: where each live source resumes (issue 16): a followed log's file and offset, a journal cursor. Saved after
        // the events before it are committed, so a restart neither loses nor repeats a line.
        """
        CREATE TABLE source_positions (
            key      TEXT PRIMARY KEY,
            position TEXT NOT NULL,
            updated  INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,

        // 8: ESP webhook keys (issue 16): provider event ids and replay tokens already taken, so a retry or a replay is
        // refused after a restart too; seen in unix seconds, pruned after the keys' lifetime.
        """
        CREATE TABLE webhook_keys (
            key  TEXT PRIMARY KEY,
            seen INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_webhook_keys_seen ON webhook_keys (seen);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All.Count;
}
