using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Model;

/// <summary>An example or counter-example: a reply plus what else the rule needs (recipient, host, stage, ...).</summary>
public sealed record ExampleCase
{
    /// <summary>No values (nothing to default).</summary>
    public static ExampleCase Empty { get; } = new();

    /// <summary>The reply text.</summary>
    public string? Reply { get; init; }

    /// <summary>Recipient address or domain.</summary>
    public string? To { get; init; }

    /// <summary>Remote MTA host name.</summary>
    public string? RemoteHost { get; init; }

    /// <summary>SMTP stage, when given.</summary>
    public SmtpStage? Stage { get; init; }

    /// <summary>Outcome, when given (else from the reply class: 4xx delayed, otherwise failed).</summary>
    public DeliveryAction? Action { get; init; }

    /// <summary>Evidence kind, when given.</summary>
    public EvidenceKind? Kind { get; init; }

    /// <summary>Source format (the system that produced the evidence), when given.</summary>
    public string? Format { get; init; }

    /// <summary>Where the example is.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>This example with unset values taken from <paramref name="defaults"/>.</summary>
    public ExampleCase WithDefaults(ExampleCase defaults) => this with
    {
        To = To ?? defaults.To,
        RemoteHost = RemoteHost ?? defaults.RemoteHost,
        Stage = Stage ?? defaults.Stage,
        Action = Action ?? defaults.Action,
        Kind = Kind ?? defaults.Kind,
        Format = Format ?? defaults.Format,
    };
}
