using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Model;

/// <summary>A file's <c>receiver:</c> block: which recipient domains and remote hosts belong to a receiver.</summary>
/// <param name="Id">The receiver id.</param>
/// <param name="Domains">Recipient domains, exact, lower-case.</param>
/// <param name="Hosts">Remote host globs, lower-case (<c>*</c> = any run of characters).</param>
/// <param name="Location">Where the block starts.</param>
public sealed record ReceiverBlock(string Id, IReadOnlyList<string> Domains, IReadOnlyList<string> Hosts, SourceLocation Location);
