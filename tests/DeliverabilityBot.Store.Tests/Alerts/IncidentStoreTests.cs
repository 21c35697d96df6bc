using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Store.Tests.Alerts;

/// <summary>The incident tables (schema 5): one open incident per key, resolved ones kept, posts per channel target.</summary>
public class IncidentStoreTests : IDisposable
{
    private TempStore? _store;

    /// <summary>The database the tests run on; <see cref="PostgresIncidentStoreTests"/> runs them all again on PostgreSQL.</summary>
    protected virtual StoreBackend Backend => StoreBackend.Sqlite;

    // Made on first use, inside the test, so a PostgreSQL test can skip where no server starts.
    private TempStore Temp => _store ??= new(backend: Backend);

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Incident New(string key = "icloud|receiver:icloud|DIAG1002") => new()
    {
        Key = key, Receiver = "icloud", Scope = "receiver:icloud", DiagnosisId = "DIAG1002", OpenedAt = TempStore.T0, LastSeenAt = TempStore.T0,
        Current = new IncidentFigures(40, 120, 42, 160, 0.26), Rules = ["DIAG1002", "ICL1022"],
    };

    [SkippableFact]
    public void Save_NewThenResolved_OpenListsOnlyTheOpenOne()
    {
        var incidents = Temp.Store.Incidents;
        var first = incidents.Save(New());
        incidents.Save(first with { State = IncidentState.Resolved, ResolvedAt = TempStore.T0.AddHours(1) });
        var second = incidents.Save(New());

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([second.Id], incidents.Open().Select(i => i.Id));
        Assert.Equal(2, incidents.List(null, includeResolved: true, limit: 10).Count);
        Assert.Equal(new IncidentFigures(40, 120, 42, 160, 0.26), incidents.Find(first.Id)!.Current);
    }

    [SkippableFact]
    public void Save_SecondOpenIncidentForTheSameKey_Refused()
    {
        Temp.Store.Incidents.Save(New());

        var ex = Assert.Throws<StoreException>(() => Temp.Store.Incidents.Save(New()));
        Assert.Contains("icloud|receiver:icloud|DIAG1002", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SavePost_SameTargetTwice_OnePostUpdated()
    {
        var incident = Temp.Store.Incidents.Save(New());
        Temp.Store.Incidents.SavePost(new IncidentPost { IncidentId = incident.Id, Channel = "slack", Target = "C1", MessageId = "1.1" });
        Temp.Store.Incidents.SavePost(new IncidentPost { IncidentId = incident.Id, Channel = "slack", Target = "C1", MessageId = "1.1", Replies = 2 });

        var post = Assert.Single(Temp.Store.Incidents.Posts(incident.Id));
        Assert.Equal(2, post.Replies);
    }
}

/// <summary>The same tests on PostgreSQL (skipped where no server can start, failing under CI=true).</summary>
public sealed class PostgresIncidentStoreTests : IncidentStoreTests
{
    /// <inheritdoc />
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
