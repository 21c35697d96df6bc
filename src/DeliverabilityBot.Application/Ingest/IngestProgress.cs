namespace DeliverabilityBot.Application.Ingest;

/// <summary>Where an ingest stands, reported after each batch.</summary>
/// <param name="BytesDone">Bytes of input read so far.</param>
/// <param name="BytesTotal">Bytes of all inputs.</param>
/// <param name="EventsRead">Events parsed so far.</param>
/// <param name="Stored">Events newly stored (committed) so far.</param>
/// <param name="CurrentPath">The file being read.</param>
public sealed record IngestProgress(long BytesDone, long BytesTotal, long EventsRead, long Stored, string CurrentPath);

/// <summary>What an ingest did.</summary>
public sealed class IngestSummary
{
    /// <summary>Files read.</summary>
    public int Files { get; set; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; set; }

    /// <summary>Events parsed (delivered, deferred and failed attempts).</summary>
    public long EventsRead { get; set; }

    /// <summary>Events newly stored.</summary>
    public long Stored { get; set; }

    /// <summary>Events already in the store (skipped).</summary>
    public long Duplicates => EventsRead - Stored;

    /// <summary>Per-outcome counts of the events read.</summary>
    public Dictionary<string, long> ByAction { get; } = new(StringComparer.Ordinal);

    /// <summary>Inputs that could not be read, as <c>path: problem</c>.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>
    /// Rule regex timeouts by rule id (DBR0028): each such event was classified without that rule (the rules that did
    /// match, down to the generic ones, decided). Thread-safe to add to.
    /// </summary>
    public IReadOnlyDictionary<string, long> RegexTimeouts => _regexTimeouts;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _regexTimeouts = new(StringComparer.Ordinal);

    /// <summary>Counts one regex timeout of rule <paramref name="ruleId"/>.</summary>
    public void CountRegexTimeout(string ruleId) => _regexTimeouts.AddOrUpdate(ruleId, 1, (_, n) => n + 1);

    /// <summary>Events removed by retention after the ingest.</summary>
    public long Expired { get; set; }

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; set; }
}
