using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>Ingests files into a fresh temporary store (the repository's rules) and reads it back.</summary>
public sealed class StoreProbe : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dbot-realrun-store", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Creates the store and ingests <paramref name="paths"/> in order, failing on any ingest problem; <paramref name="mtaConfig"/>
    /// is the Postfix configuration folder <c>--mta-config</c> names (null: none).
    /// </summary>
    public StoreProbe(IReadOnlyList<string> paths, string? mtaConfig = null)
    {
        Runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions
        {
            DataDirectory = _data, RulesDirectory = TestPaths.InRepo("rules"), RetentionDays = 0,
            MtaConfigDirectories = mtaConfig is null ? [] : [mtaConfig],
        });
        foreach (var path in paths)
        {
            var summary = Runtime.CreateIngest().Ingest([path]);
            Assert.True(summary.Problems.Count == 0, $"ingest of {path}: {string.Join("\n", summary.Problems)}");
        }
    }

    /// <summary>The runtime over the store.</summary>
    public DeliverabilityBotRuntime Runtime { get; }

    /// <summary>A window wide enough for any run of this test (log timestamps carry no year or zone).</summary>
    public static TimeWindow Window => new(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));

    /// <summary>Attempt counts for a receiver.</summary>
    public StatsRow Attempts(string receiver) => Runtime.Stats.Stats(receiver, Window).Total;

    /// <summary>Messages (one per recipient of a queued message) for a receiver, by final outcome.</summary>
    public MessageCounts Messages(string receiver) => Store.Reading.StoreReader.Count(Runtime.Store.Reader.Messages(Window, receiver));

    /// <summary>Messages for a receiver by the sending IP the store holds for them ("(not recorded)" where none).</summary>
    public IReadOnlyDictionary<string, long> MessagesByIp(string receiver) =>
        Runtime.Store.Reader.Messages(Window, receiver).GroupBy(m => m.SendingIp ?? "(not recorded)").ToDictionary(g => g.Key, g => g.Sum(m => m.Count));

    /// <summary>Attempts for a receiver by sending IP ("(not recorded)" where none).</summary>
    public IReadOnlyDictionary<string, long> AttemptsByIp(string receiver) =>
        Runtime.Stats.Stats(receiver, Window).BySendingIp.ToDictionary(r => r.Key, r => r.Attempts);

    /// <summary>The ranked diagnoses for a receiver, over the window <c>why</c> uses by default (anchored at the newest event).</summary>
    public WhyReport Why(string receiver)
    {
        var window = Application.Windows.WindowSpec.Anchored(Application.Windows.WindowSpec.DefaultLength, Runtime.Store.Reader.LatestEvent(), DateTimeOffset.UtcNow);
        return Runtime.Why.Why(receiver, window).Report;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}
