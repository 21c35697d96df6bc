using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Turns pasted evidence (a reply, a log line, a DSN) into bounce events for <c>explain</c>.</summary>
internal static class ExplainEvidence
{
    /// <summary>The events in <paramref name="text"/>; <paramref name="to"/> is an address or domain hint.</summary>
    public static IReadOnlyList<BounceEvent> Parse(string text, string? to, string source)
    {
        // Interim: one event from the reply alone until the ingestion parser (DSN, Postfix/Exim lines) lands.
        var reply = SmtpReply.Parse(text);
        var hint = to?.Trim().ToLowerInvariant();
        var at = hint?.LastIndexOf('@') ?? -1;
        return
        [
            new BounceEvent
            {
                Source = source,
                Recipient = at > 0 ? hint : null,
                RecipientDomain = at > 0 ? hint![(at + 1)..] : string.IsNullOrEmpty(hint) ? null : hint,
                Reply = reply,
                Action = reply.ReplyClass == 4 ? DeliveryAction.Delayed : DeliveryAction.Failed,
            },
        ];
    }
}
