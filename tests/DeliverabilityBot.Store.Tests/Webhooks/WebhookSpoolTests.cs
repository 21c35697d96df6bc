using DeliverabilityBot.Store.Webhooks;

namespace DeliverabilityBot.Store.Tests.Webhooks;

/// <summary>The ESP webhook spool: keys taken once across callers, events claimed, leased and completed, on SQLite and PostgreSQL alike.</summary>
public sealed class WebhookSpoolTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 4, 0, 0, TimeSpan.Zero);

    private static SpoolRequest Request(string? replay, params string[] keys) =>
        new(replay, [.. keys.Select(k => new SpoolEntry(k, k.Split(':')[0], "{\"eventId\":\"" + k + "\"}"))]);

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void Accept_KeysTakenBefore_SpoolsOnlyTheNewOnes(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;

        var outcomes = spool.Accept([Request(null, "sendgrid:a", "sendgrid:b"), Request(null, "sendgrid:b", "sendgrid:c", "sendgrid:c")], Now);

        Assert.Equal(["sendgrid:a", "sendgrid:b"], outcomes[0].Spooled.Order());
        Assert.Equal(["sendgrid:c"], outcomes[1].Spooled);
        Assert.False(outcomes[0].Replay || outcomes[1].Replay);
        Assert.Equal(3, spool.Pending());
        Assert.True(spool.Contains("sendgrid:a"));
        Assert.False(spool.Contains("mailgun:a"));
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void Accept_ReplayKeyTakenBefore_TakesNothingOfTheRequest(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;
        spool.Accept([Request("mailgun:token:t1", "mailgun:e1")], Now);

        var outcome = spool.Accept([Request("mailgun:token:t1", "mailgun:e2")], Now).Single();

        Assert.True(outcome.Replay);
        Assert.Empty(outcome.Spooled);
        Assert.False(spool.Contains("mailgun:e2"));
        Assert.Equal(1, spool.Pending());
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void Claim_Completed_GoneFromTheSpoolButKeyKept(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;
        spool.Accept([Request(null, "postal:1", "postal:2", "postal:3")], Now);

        var first = spool.Claim("a", 2, Now, Now.AddSeconds(30));
        var second = spool.Claim("b", 10, Now, Now.AddSeconds(30));
        spool.Complete([.. first.Select(e => e.Id)]);

        Assert.Equal(["postal:1", "postal:2"], first.Select(e => e.Key));
        Assert.Equal("{\"eventId\":\"postal:1\"}", first[0].Payload);
        Assert.Equal("postal", first[0].Provider);
        Assert.Equal(Now, first[0].ReceivedAt);
        Assert.Equal(["postal:3"], second.Select(e => e.Key));
        Assert.Equal(1, spool.Pending());
        Assert.Empty(spool.Accept([Request(null, "postal:1")], Now).Single().Spooled);
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void Claim_LeaseRunOut_ClaimedAgain(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;
        spool.Accept([Request(null, "brevo:1")], Now);
        Assert.Single(spool.Claim("dead", 10, Now, Now.AddSeconds(30)));

        var during = spool.Claim("other", 10, Now.AddSeconds(29), Now.AddSeconds(59));
        var after = spool.Claim("other", 10, Now.AddSeconds(31), Now.AddSeconds(61));

        Assert.Empty(during);
        Assert.Equal(["brevo:1"], after.Select(e => e.Key));
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void Prune_KeysOlderThanTheCutOff_TakenAgainButNotWhileSpooled(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;
        spool.Accept([Request(null, "old")], Now.AddDays(-8));
        spool.Accept([Request(null, "old-still-spooled")], Now.AddDays(-8));
        spool.Accept([Request(null, "recent")], Now);
        spool.Complete([.. spool.Claim("a", 10, Now, Now.AddMinutes(1)).Where(e => e.Key != "old-still-spooled").Select(e => e.Id)]);

        Assert.Equal(1, spool.Prune(Now.AddDays(-7)));

        Assert.False(spool.Contains("old"));
        Assert.True(spool.Contains("old-still-spooled"));
        Assert.True(spool.Contains("recent"));
        Assert.Equal(["old"], spool.Accept([Request(null, "old", "recent", "old-still-spooled")], Now).Single().Spooled);
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public async Task Accept_RacingCallers_EachKeyGoesToExactlyOne(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;
        var keys = Enumerable.Range(0, 50).Select(i => $"postal:uuid:{i}").ToArray();

        // Four callers, each with the keys in its own order (PostgreSQL must not deadlock them into a failure).
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() =>
            spool.Accept([Request(null, [.. keys.Skip(n * 10)]), Request(null, [.. keys.Take(n * 10).Reverse()])], Now))));

        var spooled = results.SelectMany(r => r).SelectMany(o => o.Spooled).ToList();
        Assert.Equal(keys.Order(), spooled.Order());
        Assert.Equal(keys.Length, spool.Pending());
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public async Task Claim_RacingOwners_EachEventToExactlyOne(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var spool = temp.Store.WebhookSpool!;
        spool.Accept([Request(null, [.. Enumerable.Range(0, 200).Select(i => $"sparkpost:{i}")])], Now);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() =>
        {
            var mine = new List<SpooledEvent>();
            for (IReadOnlyList<SpooledEvent> got; (got = spool.Claim($"owner{n}", 7, Now, Now.AddMinutes(1))).Count > 0;) mine.AddRange(got);
            return mine;
        })));

        Assert.Equal(200, claims.Sum(c => c.Count));
        Assert.Equal(200, claims.SelectMany(c => c).Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void Open_SqliteStore_SpoolIsAFileOfItsOwn()
    {
        using var temp = new TempStore();

        var spool = temp.Store.WebhookSpool!;
        spool.Accept([Request(null, "sendgrid:x")], Now);

        Assert.Equal(Path.Combine(temp.Folder, SqliteWebhookSpool.FileName), spool.Location);
        Assert.True(File.Exists(spool.Location));
        // Reopened (a restart), it still holds the event.
        Assert.Equal(1, SqliteWebhookSpool.Open(temp.Folder).Pending());
    }
}
