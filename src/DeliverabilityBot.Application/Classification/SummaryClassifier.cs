using System.Collections.Concurrent;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Classifies events for storage, remembering results by everything a rule can look at (reply text, code and
/// status, recipient domain, remote host, stage, outcome, evidence kind, hints) but not the recipient's local
/// part, which no rule reads. A log repeats a few hundred replies over a million lines, so the engine runs a
/// few hundred times. Delivered attempts are classified by their envelope and codes without the reply text,
/// which carries a queue id and nothing a rule concludes from. Thread-safe.
/// </summary>
public sealed class SummaryClassifier
{
    private const int MaxRemembered = 100_000;
    private readonly IBounceClassifier _classifier;
    private readonly ConcurrentDictionary<string, ClassificationSummary> _cache = new(StringComparer.Ordinal);

    /// <summary>Wraps the engine's classifier.</summary>
    public SummaryClassifier(IBounceClassifier classifier) => _classifier = classifier;

    /// <summary>Engine runs so far (cache misses).</summary>
    public long EngineRuns => Interlocked.Read(ref _runs);

    private long _runs;

    /// <summary>The summary for one event.</summary>
    public ClassificationSummary Classify(BounceEvent e)
    {
        var probe = e.Action == DeliveryAction.Delivered ? WithoutReplyText(e) : e;
        var key = KeyOf(probe);
        if (_cache.TryGetValue(key, out var hit)) return hit;
        Interlocked.Increment(ref _runs);
        var summary = ClassificationSummary.Of(_classifier.Classify(probe));
        if (_cache.Count >= MaxRemembered) _cache.Clear();
        _cache[key] = summary;
        return summary;
    }

    private static string KeyOf(BounceEvent e)
    {
        var hints = e.Hints.Count == 0 ? "" : string.Join(",", e.Hints.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => h.Key + "=" + h.Value));
        return string.Join('\u001f', e.Reply.Raw, e.DsnStatus?.ToString(), e.RecipientDomain, e.RemoteHost, (int)e.Stage, (int)e.Action, (int)e.Kind, e.SourceFormat, hints);
    }

    private static BounceEvent WithoutReplyText(BounceEvent e) => new()
    {
        Source = e.Source, Index = e.Index, MessageIndex = e.MessageIndex, Recipient = e.Recipient, RecipientDomain = e.RecipientDomain,
        Sender = e.Sender, SenderDomain = e.SenderDomain, RemoteHost = e.RemoteHost, RemoteIp = e.RemoteIp, SendingIp = e.SendingIp,
        ReportingMta = e.ReportingMta, Stage = e.Stage, Action = e.Action, DsnStatus = e.DsnStatus, Timestamp = e.Timestamp,
        MessageId = e.MessageId, Kind = e.Kind, SourceFormat = e.SourceFormat, Hints = e.Hints,
        Reply = new SmtpReply(e.Reply.Code, e.Reply.Status, string.Empty, e.Reply.Code is { } c ? $"{c} {e.Reply.Status}".Trim() : string.Empty),
    };
}
