namespace DeliverabilityBot.Core.Alerts;

/// <summary>The numbers of a diagnosis in one window: messages first, attempts second.</summary>
/// <param name="AffectedMessages">Messages the diagnosis' replies touched (attempts when the store has no message rows).</param>
/// <param name="Messages">Messages in the scope (attempts when the store has no message rows).</param>
/// <param name="SignalAttempts">Attempts with the diagnosis' replies.</param>
/// <param name="Attempts">Attempts in the scope.</param>
/// <param name="SignalRate">Share of the scope's attempts with the diagnosis' replies.</param>
public sealed record IncidentFigures(long AffectedMessages, long Messages, long SignalAttempts, long Attempts, double SignalRate)
{
    /// <summary>No figures yet.</summary>
    public static IncidentFigures None { get; } = new(0, 0, 0, 0, 0);

    /// <summary><c>31% of attempts (62 of 200); 40 of 120 messages affected</c>.</summary>
    public override string ToString() => FormattableString.Invariant(
        $"{SignalRate * 100:0.#}% of attempts ({SignalAttempts:N0} of {Attempts:N0}); {AffectedMessages:N0} of {Messages:N0} messages affected");
}
