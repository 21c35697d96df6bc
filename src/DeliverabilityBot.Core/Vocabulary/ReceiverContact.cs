namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>
/// Where a sender reaches a receiver or filter about its mail (for an escalation): a postmaster page, a sender support
/// form, a delisting page or an address, with the source that says so and how sure that source is.
/// </summary>
/// <param name="Kind">What the contact is for: <c>postmaster</c>, <c>sender-support</c>, <c>delisting</c>, <c>lookup</c> or <c>email</c>.</param>
/// <param name="Url">An http(s) URL or a <c>mailto:</c> address.</param>
/// <param name="Source">The page that publishes the contact.</param>
/// <param name="Confidence"><c>official</c>, <c>observed</c> or <c>secondary</c>, as for rule references.</param>
/// <param name="Note">What to send or when to use it, when the source says.</param>
public sealed record ReceiverContact(string Kind, string Url, string Source, string Confidence, string? Note = null)
{
    /// <summary>The contact kinds a registry entry may declare.</summary>
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "postmaster", "sender-support", "delisting", "lookup", "email",
    };
}
