namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// What the history's read queries say differently per database. Everything else <see cref="StoreReader"/> asks is one
/// SQL text for both; a query lands here only when a database has no portable way to say it (or a much faster one).
/// </summary>
internal sealed class ReaderDialect
{
    private readonly Func<bool, string> _expiryCauses;

    private ReaderDialect(Func<bool, string> expiryCauses, bool recipientRollup)
    {
        _expiryCauses = expiryCauses;
        HasRecipientRollup = recipientRollup;
    }

    /// <summary>
    /// Whether the store keeps <c>recipients_hourly</c> (attempts not delivered per rule set, hour, receiver and
    /// recipient), so the recipient drill-down reads whole hours from it and only the ragged edges from the attempts.
    /// </summary>
    public bool HasRecipientRollup { get; }

    /// <summary>SQLite: the latest deferral found by rowid through a correlated subquery.</summary>
    public static ReaderDialect Sqlite { get; } = new(byReceiver => $"""
        SELECT d.ruleset_id, COALESCE(rp.text, '') FROM events e
        JOIN events d ON d.id = (
            SELECT d2.id FROM events d2
            WHERE d2.message_key = e.message_key AND d2.action = 1 AND d2.ts <= e.ts AND d2.ts >= e.ts - @life{(byReceiver ? " AND d2.receiver_id = @r" : "")}
            ORDER BY d2.ts DESC LIMIT 1)
        LEFT JOIN replies rp ON rp.id = d.reply_id
        WHERE e.ruleset_id = @rs AND e.action <> 2 AND e.superseded = 0 AND e.ts >= @a AND e.ts < @b AND e.message_key IS NOT NULL{(byReceiver ? " AND e.receiver_id = @r" : "")};
        """, recipientRollup: false);

    /// <summary>PostgreSQL: attempts have no row id (a partitioned table); the latest deferral comes from a LATERAL join,
    /// whose bound on <c>d2.ts</c> lets each probe skip (run-time pruning) every day partition outside the queue lifetime.</summary>
    public static ReaderDialect Postgres { get; } = new(byReceiver => $"""
        SELECT d.ruleset_id, COALESCE(rp.text, '') FROM events e
        CROSS JOIN LATERAL (
            SELECT d2.ruleset_id, d2.reply_id FROM events d2
            WHERE d2.message_key = e.message_key AND d2.action = 1 AND d2.ts <= e.ts AND d2.ts >= e.ts - @life{(byReceiver ? " AND d2.receiver_id = @r" : "")}
            ORDER BY d2.ts DESC LIMIT 1) d
        LEFT JOIN replies rp ON rp.id = d.reply_id
        WHERE e.ruleset_id = @rs AND e.action <> 2 AND e.superseded = 0 AND e.ts >= @a AND e.ts < @b AND e.message_key IS NOT NULL{(byReceiver ? " AND e.receiver_id = @r" : "")};
        """, recipientRollup: true);

    /// <summary>For each expiry in the window and rule set (<c>@a</c>, <c>@b</c>, <c>@rs</c>; with
    /// <paramref name="byReceiver"/>, only the expiries of receiver <c>@r</c> and its deferrals): the rule set and reply of the message's latest deferral at or before it and at
    /// most <c>@life</c> seconds (<see cref="StoreReader.ExpiryLookback"/>) before it.</summary>
    public string ExpiryCausesSql(bool byReceiver) => _expiryCauses(byReceiver);
}
