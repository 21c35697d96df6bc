namespace DeliverabilityBot.Checks.Blocklists;

/// <summary>One documented answer of a blocklist: the address, what it means, and whether it is a listing.</summary>
/// <param name="Address">The A record returned, e.g. <c>127.0.0.2</c>.</param>
/// <param name="Meaning">What the list says it means ("SBL: Spamhaus Blocklist").</param>
/// <param name="IsListing">True for a listing; false for an error answer about the query itself (not reputation).</param>
public sealed record ReturnCode(string Address, string Meaning, bool IsListing);
