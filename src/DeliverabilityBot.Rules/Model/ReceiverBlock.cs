using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Model;

/// <summary>
/// A file's <c>receiver:</c> block (which recipient domains and remote hosts belong to a receiver) or <c>filter:</c>
/// block (a filter or blocklist named in replies, never attributed by domain or host), with the registry fields both
/// share: display name, the names people type, reply markers and contacts.
/// </summary>
/// <param name="Id">The receiver or filter id.</param>
/// <param name="Domains">Recipient domains, exact, lower-case.</param>
/// <param name="Hosts">Remote host globs, lower-case (<c>*</c> = any run of characters).</param>
/// <param name="Location">Where the block starts.</param>
public sealed record ReceiverBlock(string Id, IReadOnlyList<string> Domains, IReadOnlyList<string> Hosts, SourceLocation Location)
{
    /// <summary>True for a <c>receiver:</c> block, false for a <c>filter:</c> block.</summary>
    public bool IsReceiver { get; init; } = true;

    /// <summary>How answers name it; null when the block gives none (lint reports it).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Names people type, lower case.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Common misspellings, lower case.</summary>
    public IReadOnlyList<string> Typos { get; init; } = [];

    /// <summary>Names safe to correct near misses towards (a subset of <see cref="Names"/>).</summary>
    public IReadOnlyList<string> Fuzzy { get; init; } = [];

    /// <summary>Reply text that names it, lower case.</summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    /// <summary>Escalation contacts.</summary>
    public IReadOnlyList<ReceiverContact> Contacts { get; init; } = [];

    /// <summary>Where each name, typo and marker is written, for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourceLocation> TermLocations { get; init; } = new Dictionary<string, SourceLocation>();
}
