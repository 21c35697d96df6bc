namespace DeliverabilityBot.Store.Webhooks;

/// <summary>One event of a webhook request, as the spool keeps it until it is stored.</summary>
/// <param name="Key">Its dedupe key (<c>provider:event id</c>).</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="Payload">What the provider said, serialized by the caller (the spool does not read it).</param>
public sealed record SpoolEntry(string Key, string Provider, string Payload);
