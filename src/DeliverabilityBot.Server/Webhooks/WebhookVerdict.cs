using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// What a provider's check concluded about one request: refused (the status and why, never shown in detail to the
/// caller), accepted with its attempts and the request's replay key, or answered without events (an SNS subscription
/// confirmation, a provider's empty test post).
/// </summary>
public sealed record WebhookVerdict
{
    private WebhookVerdict(int status, string reason, IReadOnlyList<EspAttempt> attempts, string? replayKey)
    {
        Status = status;
        Reason = reason;
        Attempts = attempts;
        ReplayKey = replayKey;
    }

    /// <summary>The HTTP status to answer (2xx when accepted).</summary>
    public int Status { get; }

    /// <summary>Why, for the server's log (a refusal) or the answer's body (an acceptance).</summary>
    public string Reason { get; }

    /// <summary>The attempts to store (accepted only).</summary>
    public IReadOnlyList<EspAttempt> Attempts { get; }

    /// <summary>
    /// What makes this request unique among the provider's (its token, signature, message or batch id): seen before, the
    /// request is a replay. Null where the provider signs nothing unique; its events' ids still dedupe them.
    /// </summary>
    public string? ReplayKey { get; }

    /// <summary>True when the request was refused.</summary>
    public bool Refused => Status >= 400;

    /// <summary>The request is refused with <paramref name="status"/> (401 forged or stale, 400 malformed).</summary>
    public static WebhookVerdict Refuse(int status, string reason) => new(status, reason, [], null);

    /// <summary>The request is genuine: store <paramref name="attempts"/>.</summary>
    public static WebhookVerdict Accept(IReadOnlyList<EspAttempt> attempts, string? replayKey) => new(StatusCodes.Status200OK, "accepted", attempts, replayKey);

    /// <summary>The request is genuine and handled without events (an SNS subscription confirmation).</summary>
    public static WebhookVerdict Answer(string reason, string? replayKey = null) => new(StatusCodes.Status200OK, reason, [], replayKey);
}
