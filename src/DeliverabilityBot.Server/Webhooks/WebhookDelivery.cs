using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>One accepted webhook request on its way to the store: its attempts not seen before, and its replay key.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="ReplayKey">The request's replay key, recorded in the store with the events' ids; null when it has none.</param>
/// <param name="Attempts">The attempts to store (those whose ids this instance had not seen).</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record WebhookDelivery(string Provider, string? ReplayKey, IReadOnlyList<EspAttempt> Attempts, DateTimeOffset ReceivedAt)
{
    /// <summary>The store key of an attempt's event id: <c>provider:id</c>.</summary>
    public string KeyOf(EspAttempt attempt) => Provider + ":" + attempt.EventId;
}
