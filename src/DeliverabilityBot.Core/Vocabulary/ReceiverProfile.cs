namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>
/// One receiver or filter as the rule files declare it (the <c>receiver:</c> or <c>filter:</c> block): how answers name
/// it, the names people type for it, its mail domains and hosts, the reply markers that name it, and its contacts.
/// </summary>
public sealed record ReceiverProfile
{
    /// <summary>The id, e.g. <c>icloud</c>, <c>spamhaus</c>.</summary>
    public required string Id { get; init; }

    /// <summary>How answers name it, e.g. <c>iCloud Mail (Apple)</c>; the id when the file gives none.</summary>
    public required string DisplayName { get; init; }

    /// <summary>True when it answers SMTP for mail (events are attributed to it by domain or host); false for a filter or blocklist only named in replies.</summary>
    public bool IsReceiver { get; init; }

    /// <summary>Words and phrases people use for it, lower case (<c>apple</c>, <c>hotmail</c>, <c>office 365</c>).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Common misspellings people type, lower case (<c>icould</c>, <c>gmial</c>).</summary>
    public IReadOnlyList<string> Typos { get; init; } = [];

    /// <summary>The names safe to correct a near miss towards (long, not an English word): <c>icloud</c>, <c>mimecast</c>.</summary>
    public IReadOnlyList<string> Fuzzy { get; init; } = [];

    /// <summary>Recipient mail domains, lower case; the first is the hint used when explaining a pasted reply.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Remote MTA host globs, lower case (<c>*</c> = any run of characters).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Text that names it inside a reply (<c>pphosted.com</c>, <c>mimecast.com</c>), lower case.</summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    /// <summary>Where a sender reaches it, for escalation.</summary>
    public IReadOnlyList<ReceiverContact> Contacts { get; init; } = [];
}
