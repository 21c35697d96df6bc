using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Turns pasted evidence (a reply, a log line, a DSN) into bounce events for <c>explain</c>.</summary>
internal static class ExplainEvidence
{
    /// <summary>
    /// The failed or delayed attempts in <paramref name="text"/> (delivered attempts in a log are not bounces);
    /// <paramref name="to"/> is an address or domain hint.
    /// </summary>
    public static IReadOnlyList<BounceEvent> Parse(string text, string? to, string source) =>
        TextEvidenceParser.Parse(text, to, source).Where(e => e.Action is DeliveryAction.Failed or DeliveryAction.Delayed).ToArray();
}
