using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Benchmarks.RulesEngine;

/// <summary>
/// The event fields the rules read, flattened for RulesEngine's lambda expressions: the same values the product's
/// predicates see (<see cref="EventFacts"/>: attributed receiver, reply text, code, effective status, lower-case domain and host).
/// </summary>
public sealed class FlatFacts
{
    /// <summary>The attributed receiver id.</summary>
    public string Receiver { get; init; } = "";

    /// <summary>The reply text.</summary>
    public string Text { get; init; } = "";

    /// <summary>The reply code, -1 when none.</summary>
    public int Code { get; init; }

    /// <summary>The effective enhanced status's class, -1 when none.</summary>
    public int StatusClass { get; init; }

    /// <summary>Its subject, -1 when none.</summary>
    public int StatusSubject { get; init; }

    /// <summary>Its detail, -1 when none.</summary>
    public int StatusDetail { get; init; }

    /// <summary>The recipient domain, lower case, or null.</summary>
    public string? Domain { get; init; }

    /// <summary>The remote host, lower case, or null.</summary>
    public string? Host { get; init; }

    /// <summary>The SMTP stage name as rules write it (<c>rcpt-to</c>).</summary>
    public string Stage { get; init; } = "";

    /// <summary>The delivery action name (<c>failed</c>).</summary>
    public string Action { get; init; } = "";

    /// <summary>The evidence kind name (<c>reply</c>).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The source format name (<c>rfc3464</c>), or empty when unknown.</summary>
    public string Format { get; init; } = "";

    /// <summary>Flattens the product's facts (computed once per event, outside the timed engine work of either side).</summary>
    public static FlatFacts From(EventFacts facts) => new()
    {
        Receiver = facts.Receiver,
        Text = facts.Text,
        Code = facts.Code,
        StatusClass = facts.Status?.Class ?? -1,
        StatusSubject = facts.Status?.Subject ?? -1,
        StatusDetail = facts.Status?.Detail ?? -1,
        Domain = facts.Domain,
        Host = facts.Host,
        Stage = FieldNames.Name(facts.Event.Stage),
        Action = FieldNames.Name(facts.Event.Action),
        Kind = FieldNames.Name(facts.Event.Kind),
        Format = facts.Event.SourceFormat ?? "",
    };
}
