using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// The event the rules are run on in place of a log event, so that a log's events share cache keys: a delivered
/// attempt without its reply text (it carries a queue id, <c>250 2.0.0 Ok: queued as 4XyZ1</c>, and nothing a rule
/// concludes from), a reply quoting the event's own recipient with the address replaced by <c>recipient@</c> and the
/// same domain (rules read domains and wording, not mailbox names).
/// </summary>
internal static class RulesProbe
{
    /// <summary>The cache key of <paramref name="e"/>'s probe, and the reply text the rules read.</summary>
    public static (ClassificationCacheKey Key, string Text) KeyOf(BounceEvent e)
    {
        var text = TextForRules(e);
        return (ClassificationCacheKey.Of(e) with { Text = text }, text);
    }

    /// <summary>The event to classify for <paramref name="e"/>, given the text from <see cref="KeyOf"/>.</summary>
    public static BounceEvent For(BounceEvent e, string text) => ReferenceEquals(text, e.Reply.Text) ? e : WithReply(e, Rewritten(e, text));

    private static string TextForRules(BounceEvent e)
    {
        if (e.Action == DeliveryAction.Delivered) return string.Empty;
        var text = e.Reply.Text;
        if (e.Recipient is not { Length: > 0 } recipient || e.RecipientDomain is null) return text;
        return text.Contains(recipient, StringComparison.OrdinalIgnoreCase)
            ? text.Replace(recipient, "recipient@" + e.RecipientDomain, StringComparison.OrdinalIgnoreCase)
            : text;
    }

    private static SmtpReply Rewritten(BounceEvent e, string text)
    {
        var r = e.Reply;
        if (text.Length == 0) return new SmtpReply(r.Code, r.Status, string.Empty, r.Code is { } c ? $"{c} {r.Status}".Trim() : string.Empty);
        return new SmtpReply(r.Code, r.Status, text, r.Raw.Replace(e.Recipient!, "recipient@" + e.RecipientDomain, StringComparison.OrdinalIgnoreCase));
    }

    private static BounceEvent WithReply(BounceEvent e, SmtpReply reply) => new()
    {
        Source = e.Source, Index = e.Index, MessageIndex = e.MessageIndex, Recipient = e.Recipient, RecipientDomain = e.RecipientDomain,
        Sender = e.Sender, SenderDomain = e.SenderDomain, RemoteHost = e.RemoteHost, RemoteIp = e.RemoteIp, SendingIp = e.SendingIp,
        ReportingMta = e.ReportingMta, Stage = e.Stage, Action = e.Action, DsnStatus = e.DsnStatus, Timestamp = e.Timestamp,
        MessageId = e.MessageId, HeaderMessageId = e.HeaderMessageId, Stream = e.Stream, Kind = e.Kind, SourceFormat = e.SourceFormat, Hints = e.Hints, Reply = reply,
    };
}
