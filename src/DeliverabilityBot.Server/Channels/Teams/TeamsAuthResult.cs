namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>The outcome of authenticating one inbound activity.</summary>
/// <param name="IsAuthenticated">True when the request may be processed.</param>
/// <param name="Failure">Why not (for logs; never echoed with token contents).</param>
/// <param name="Anonymous">True in local mode: replies go out without a token.</param>
public sealed record TeamsAuthResult(bool IsAuthenticated, string? Failure, bool Anonymous)
{
    /// <summary>Authenticated by a valid channel token.</summary>
    public static TeamsAuthResult Token { get; } = new(true, null, false);

    /// <summary>Accepted without a token (local mode, loopback).</summary>
    public static TeamsAuthResult Local { get; } = new(true, null, true);

    /// <summary>Refused.</summary>
    public static TeamsAuthResult Refused(string reason) => new(false, reason, false);
}
