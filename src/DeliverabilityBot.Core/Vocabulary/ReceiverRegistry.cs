namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>An <see cref="IReceiverRegistry"/> over a fixed list of entries (built by the rules loader from the rule files).</summary>
public sealed class ReceiverRegistry : IReceiverRegistry
{
    private readonly Dictionary<string, ReceiverProfile> _byId;

    /// <summary>Creates the registry; the first entry of an id wins.</summary>
    public ReceiverRegistry(IEnumerable<ReceiverProfile> entries)
    {
        _byId = new Dictionary<string, ReceiverProfile>(StringComparer.OrdinalIgnoreCase);
        var all = new List<ReceiverProfile>();
        foreach (var e in entries)
            if (_byId.TryAdd(e.Id, e)) all.Add(e);
        All = all;
    }

    /// <summary>A registry that knows nobody.</summary>
    public static ReceiverRegistry Empty { get; } = new([]);

    /// <inheritdoc />
    public IReadOnlyList<ReceiverProfile> All { get; }

    /// <inheritdoc />
    public ReceiverProfile? Find(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e : null;

    /// <inheritdoc />
    public ReceiverProfile? ForDomain(string domain)
    {
        var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (d.Length == 0) return null;
        foreach (var e in All)
            foreach (var owned in e.Domains)
                if (d == owned || d.EndsWith("." + owned, StringComparison.Ordinal)) return e;
        foreach (var e in All)
            foreach (var glob in e.Hosts)
                if (Wildcard.IsMatch(glob, d)) return e;
        return null;
    }

    /// <inheritdoc />
    public string DisplayName(string id) => Find(id)?.DisplayName ?? id;
}
