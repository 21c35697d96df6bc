using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>
/// Every event field that rule matching can read, and nothing else: two events with equal keys fire the same rules
/// with the same spans and get the same merged conclusions. Derived facts (<c>EventFacts</c>) come from these fields
/// alone: the reply (text, code, status) and DSN status for text, code, status and reply-class conditions; the
/// recipient domain and remote host for <c>domain</c>, <c>host</c> and receiver attribution; stage, action, kind and
/// source format.
/// Message placeholders that read other fields (<c>{recipient}</c>, <c>{ip}</c>) are filled per event, not cached.
/// </summary>
/// <remarks>Adding a rule condition field or an <c>EventFacts</c> input means adding it here (a test enforces it).</remarks>
public readonly record struct ClassificationCacheKey(
    string Text,
    int? Code,
    EnhancedStatusCode? Status,
    EnhancedStatusCode? DsnStatus,
    string? RecipientDomain,
    string? RemoteHost,
    SmtpStage Stage,
    DeliveryAction Action,
    EvidenceKind Kind,
    string? SourceFormat)
{
    /// <summary>The key of <paramref name="bounce"/>.</summary>
    public static ClassificationCacheKey Of(BounceEvent bounce) => new(
        bounce.Reply.Text, bounce.Reply.Code, bounce.Reply.Status, bounce.DsnStatus,
        bounce.RecipientDomain, bounce.RemoteHost, bounce.Stage, bounce.Action, bounce.Kind, bounce.SourceFormat);
}
