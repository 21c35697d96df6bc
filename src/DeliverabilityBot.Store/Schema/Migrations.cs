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
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All.Count;
}
