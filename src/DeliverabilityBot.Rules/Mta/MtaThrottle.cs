namespace DeliverabilityBot.Rules.Mta;

/// <summary>
/// What to change in the MTA for one receiver when one of <see cref="Diagnoses"/> fires (a <c>rules/mta/*.yaml</c>
/// entry): a throttle (connections, messages per connection, message rate) and/or a pause, with why and the sources.
/// </summary>
public sealed record MtaThrottle
{
    /// <summary>The receiver id (<c>icloud</c>).</summary>
    public required string Receiver { get; init; }

    /// <summary>The receiver's domains, for the MTA's per-domain settings.</summary>
    public required IReadOnlyList<string> Domains { get; init; }

    /// <summary>KumoMTA's provider name for the receiver's MX group (<c>apple</c>), when it has one.</summary>
    public string? KumoMtaProvider { get; init; }

    /// <summary>Diagnosis rule ids this applies to.</summary>
    public required IReadOnlyList<string> Diagnoses { get; init; }

    /// <summary>Why these figures.</summary>
    public string Basis { get; init; } = "";

    /// <summary>Parallel connections to the receiver.</summary>
    public int? Connections { get; init; }

    /// <summary>Connections to start with (Postfix's initial concurrency).</summary>
    public int? InitialConnections { get; init; }

    /// <summary>Messages per connection.</summary>
    public int? MessagesPerConnection { get; init; }

    /// <summary>New connections per minute (KumoMTA's <c>max_connection_rate</c>).</summary>
    public int? ConnectionsPerMinute { get; init; }

    /// <summary>Messages per minute (<c>60/min</c>).</summary>
    public int? MessagesPerMinute { get; init; }

    /// <summary>Stop delivering to the receiver for this long.</summary>
    public TimeSpan? Pause { get; init; }

    /// <summary>Source URLs.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}
