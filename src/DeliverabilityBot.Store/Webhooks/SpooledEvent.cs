namespace DeliverabilityBot.Store.Webhooks;

/// <summary>A spooled event claimed for storing.</summary>
/// <param name="Id">Its place in the spool (complete it by this).</param>
/// <param name="Key">Its dedupe key (<c>provider:event id</c>).</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="Payload">What was spooled.</param>
/// <param name="ReceivedAt">When the request that brought it was accepted.</param>
public sealed record SpooledEvent(long Id, string Key, string Provider, string Payload, DateTimeOffset ReceivedAt);
