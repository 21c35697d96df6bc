namespace DeliverabilityBot.Store.Tests.Webhooks;

/// <summary>ESP webhook keys in the store: each taken once, across writers, on SQLite and PostgreSQL alike.</summary>
public sealed class WebhookKeyStoreTests
{
    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void AddNew_KeysTakenBefore_ReturnsOnlyTheNewOnes(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var keys = temp.Store.WebhookKeys!;
        var now = DateTimeOffset.UtcNow;

        var first = keys.AddNew(["sendgrid:a", "sendgrid:b"], now);
        var second = keys.AddNew(["sendgrid:b", "sendgrid:c"], now);

        Assert.Equal(["sendgrid:a", "sendgrid:b"], first.Order());
        Assert.Equal(["sendgrid:c"], second);
        Assert.True(keys.Contains("sendgrid:a"));
        Assert.False(keys.Contains("mailgun:a"));
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public void Prune_KeysOlderThanTheCutOff_TakenAgainAfterwards(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var keys = temp.Store.WebhookKeys!;
        var now = DateTimeOffset.UtcNow;
        keys.AddNew(["old"], now.AddDays(-8));
        keys.AddNew(["recent"], now);

        Assert.Equal(1, keys.Prune(now.AddDays(-7)));

        Assert.False(keys.Contains("old"));
        Assert.True(keys.Contains("recent"));
        Assert.Equal(["old"], keys.AddNew(["old", "recent"], now));
    }

    [SkippableTheory]
    [InlineData(StoreBackend.Sqlite)]
    [InlineData(StoreBackend.Postgres)]
    public async Task AddNew_RacingCallers_EachKeyGoesToExactlyOne(StoreBackend backend)
    {
        using var temp = new TempStore(backend: backend);
        var keys = temp.Store.WebhookKeys!;
        var wanted = Enumerable.Range(0, 50).Select(i => $"postal:uuid:{i}").ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => keys.AddNew(wanted, DateTimeOffset.UtcNow))));

        Assert.Equal(wanted.Count, results.Sum(r => r.Count));
        Assert.Equal(wanted.Order(), results.SelectMany(r => r).Order());
    }
}
