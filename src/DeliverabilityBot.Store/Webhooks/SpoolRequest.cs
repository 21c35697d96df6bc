namespace DeliverabilityBot.Store.Webhooks;

/// <summary>One webhook request to spool: its replay key and its events.</summary>
/// <param name="ReplayKey">What makes the request unique among the provider's (a token, a batch id), or null.</param>
/// <param name="Events">The events, each with its key (<c>provider:event id</c>).</param>
public sealed record SpoolRequest(string? ReplayKey, IReadOnlyList<SpoolEntry> Events);
