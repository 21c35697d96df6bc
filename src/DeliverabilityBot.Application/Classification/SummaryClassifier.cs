using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Classifies events for storage through the runtime's classifier (the rules engine behind a
/// <see cref="CachingBounceClassifier"/>) and keeps, per <see cref="ClassificationCacheKey"/>, only what the store
/// needs. A hit costs a key and a lookup: no classification object and no finding messages are built per event,
/// which the full cache does since its callers show them. Lives for one ingest; thread-safe; bounded.
/// </summary>
/// <remarks>
/// Two rewrites make a log's events share keys. Delivered attempts are classified without the reply text, which
/// carries a queue id (<c>250 2.0.0 Ok: queued as 4XyZ1</c>) and nothing a rule concludes from. A reply quoting
/// the event's own recipient (<c>550 5.1.1 &lt;user9@icloud.com&gt;: user does not exist</c>) is classified with the
/// address replaced by <c>recipient@</c> and the same domain: rules read domains and wording, not mailbox names
/// (what they read otherwise is what the cache key holds), and without this every such bounce in a million-line
/// log would run the engine.
/// </remarks>
public sealed class SummaryClassifier
{
    private const int Capacity = 50_000;
    private readonly IBounceClassifier _classifier;
    private readonly ConcurrentDictionary<ClassificationCacheKey, ClassificationSummary> _summaries = new();
    private long _misses;

    /// <summary>Wraps the runtime's classifier.</summary>
    public SummaryClassifier(IBounceClassifier classifier) => _classifier = classifier;

    /// <summary>Events that were classified (distinct keys seen, until the bound clears them).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The summary for one event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ClassificationSummary Classify(BounceEvent e)
    {
        var text = TextForRules(e);
        var key = ClassificationCacheKey.Of(e) with { Text = text };
        if (_summaries.TryGetValue(key, out var known)) return known;
        Interlocked.Increment(ref _misses);
        var probe = ReferenceEquals(text, e.Reply.Text) ? e : WithReply(e, Rewritten(e, text));
        var summary = ClassificationSummary.Of(_classifier.Classify(probe));
        if (_summaries.Count >= Capacity) _summaries.Clear();
        _summaries[key] = summary;
        return summary;
    }

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
        MessageId = e.MessageId, Kind = e.Kind, SourceFormat = e.SourceFormat, Hints = e.Hints, Reply = reply,
    };
}
