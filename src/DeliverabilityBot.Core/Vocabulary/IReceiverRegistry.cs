namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>
/// Every receiver and filter the loaded rule files declare: the one source of their names, domains, hosts, markers and
/// contacts. Chat reads it to recognise receivers, answers to name them.
/// </summary>
public interface IReceiverRegistry
{
    /// <summary>Every entry, in rule-file order.</summary>
    IReadOnlyList<ReceiverProfile> All { get; }

    /// <summary>The entry for an id (case-insensitive), or null.</summary>
    ReceiverProfile? Find(string? id);

    /// <summary>The receiver owning a mail domain (or a parent of it), else one whose host globs match it, or null.</summary>
    ReceiverProfile? ForDomain(string domain);

    /// <summary>How answers name <paramref name="id"/>: its display name, the id itself when no file declares it.</summary>
    string DisplayName(string id);
}
