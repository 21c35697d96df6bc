using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// The receivers and filters people ask about, read from the <see cref="IReceiverRegistry"/> (the rule files'
/// <c>receiver:</c> and <c>filter:</c> blocks): their names, typos, mail domains and reply markers, and the names safe to
/// match with a typo. Immutable and thread-safe; build one per registry.
/// </summary>
public sealed class ReceiverLexicon
{
    /// <summary>Builds the lexicon of <paramref name="registry"/>.</summary>
    public ReceiverLexicon(IReceiverRegistry registry)
    {
        Registry = registry;
        // Chat asks about receivers (whose traffic is stored); filters only named in replies are not a question's subject.
        var receivers = registry.All.Where(r => r.IsReceiver).ToArray();
        FuzzyNames = receivers.SelectMany(r => r.Fuzzy).Distinct(StringComparer.Ordinal).ToArray();
        Finder = new ReceiverFinder(receivers);
    }

    /// <summary>A lexicon that knows no receiver.</summary>
    public static ReceiverLexicon Empty { get; } = new(ReceiverRegistry.Empty);

    /// <summary>The registry read.</summary>
    public IReceiverRegistry Registry { get; }

    /// <summary>Names safe to correct a typo towards ("icluod" -> "icloud").</summary>
    public IReadOnlyList<string> FuzzyNames { get; }

    /// <summary>Finds receivers named in text.</summary>
    public ReceiverFinder Finder { get; }

    /// <summary>The entry for a receiver id, or null.</summary>
    public ReceiverProfile? Find(string? id) => Registry.Find(id);

    /// <summary>The display name for a receiver id (the id itself when unknown, "all receivers" for null).</summary>
    public string DisplayName(string? id) => id is null ? "all receivers" : Registry.DisplayName(id);

    /// <summary>The receiver owning a mail domain (or a subdomain of one, or a host of its MX), or null.</summary>
    public ReceiverProfile? ForDomain(string domain) => Registry.ForDomain(domain) is { IsReceiver: true } r ? r : null;
}
