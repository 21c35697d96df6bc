using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// What every rule condition reads from one event, derived once before matching (receiver attribution,
/// reply class, effective status, lower-case host and domain, stage names) so no condition repeats that work.
/// One instance per classification: it also carries the ids the engine fired for this event.
/// </summary>
public sealed class EventFacts
{
    internal EventFacts(BounceEvent bounce, string receiver)
    {
        Event = bounce;
        Receiver = receiver;
        Text = bounce.Reply.Text.Length > MaxTextLength ? bounce.Reply.Text[..MaxTextLength] : bounce.Reply.Text;
        Code = bounce.Reply.Code ?? -1;
        Status = bounce.Reply.Status ?? bounce.DsnStatus;
        ReplyClass = bounce.Reply.ReplyClass ?? Status?.Class ?? 0;
        Domain = bounce.RecipientDomain?.ToLowerInvariant();
        Host = bounce.RemoteHost?.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>
    /// Rules read at most this many characters of a reply (8 KB): real replies, even multi-line ones with a URL per
    /// line, are well under it, and a cap bounds what every text condition of every rule scans per event.
    /// </summary>
    public const int MaxTextLength = 8 * 1024;

    /// <summary>The event.</summary>
    public BounceEvent Event { get; }

    /// <summary>The receiver the event is attributed to (by recipient domain, then remote host), or <c>unknown</c>.</summary>
    public string Receiver { get; }

    /// <summary>The reply text, cut at <see cref="MaxTextLength"/> (spans are offsets into it).</summary>
    public string Text { get; }

    /// <summary>
    /// <see cref="Text"/> case-folded (<see cref="CaseFold"/>), made on first use: rule regexes look for their required
    /// strings in it before they run.
    /// </summary>
    internal string FoldedText => _folded ??= CaseFold.FoldText(Text);

    private string? _folded;

    /// <summary>The reply code, or -1.</summary>
    public int Code { get; }

    /// <summary>The reply's enhanced status, else the DSN status, else null.</summary>
    public EnhancedStatusCode? Status { get; }

    /// <summary>2, 4 or 5 from the reply code, else the status; 0 when neither.</summary>
    public int ReplyClass { get; }

    /// <summary>Lower-case recipient domain, or null.</summary>
    public string? Domain { get; }

    /// <summary>Lower-case remote host without a trailing dot, or null.</summary>
    public string? Host { get; }

    /// <summary>Which index buckets this event falls into (set by the classifier's index).</summary>
    public bool[] Buckets { get; internal set; } = [];

    /// <summary>Rule positions fired by the engine for this event.</summary>
    internal List<int> Fired { get; } = new(4);

    /// <summary>True when the event is in bucket <paramref name="bucket"/> (the index condition in front of each rule).</summary>
    public bool InBucket(int bucket) => Buckets[bucket];

    /// <summary>Called by an engine rule's action.</summary>
    public void Fire(int rule) => Fired.Add(rule);
}
