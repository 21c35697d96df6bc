using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Store.Writing.Messages;

/// <summary>
/// One message (one recipient of a queued message) as a writer holds it inside its transaction: what the row holds,
/// plus what is to be done at commit. Log lines and ESP events are primary evidence; DSNs and pasted replies are
/// reports, counted only where no primary evidence of the same kind (deferral or final outcome) exists.
/// </summary>
internal sealed class MessageState
{
    public long Id;
    public long Qkey;
    public required string Recipient;
    public long? Mkey;
    public long FirstTs;
    public long LastTs;
    public long ReceiverId;
    public long SendingIpId;
    public long SenderDomainId;
    public long StreamId;
    public long RuleSetId;
    public long TroubleTs;
    public long LogDeferrals;
    public long ReportDeferrals;
    public MessageOutcome LogFinal;
    public MessageOutcome ReportFinal;
    public long? FinalTs;
    public long? FinalEvent;

    /// <summary>Not in the database yet (inserted at commit).</summary>
    public bool IsNew;

    /// <summary>Changed in this transaction.</summary>
    public bool Dirty;

    /// <summary>The indexed columns as stored (when <see cref="IsNew"/> is false): an update rewrites the indexes only when one changed.</summary>
    public long StoredQkey;
    public long? StoredMkey;
    public long StoredFirstTs;

    /// <summary>The rollup bucket the stored row counts in, when it is stored.</summary>
    public MessageBucket? StoredBucket;

    /// <summary>Reports of deferrals, counted before a log recorded them, are to be marked superseded at commit.</summary>
    public bool SupersedeDeferrals;

    /// <summary>A report of the final outcome, counted before a log recorded it, is to be marked superseded at commit.</summary>
    public bool SupersedeFinals;

    /// <summary>Where the message ended up: the log's word first, else a report's, else pending.</summary>
    public MessageOutcome Outcome => LogFinal != MessageOutcome.Pending ? LogFinal : ReportFinal;

    /// <summary>Deferred attempts: the log's count, or a report's when it says more (a log rotated away).</summary>
    public long Deferrals => Math.Max(LogDeferrals, ReportDeferrals);

    /// <summary>Delivery attempts: every deferral plus the final try (an expiry is the queue giving up, not a try).</summary>
    public long Attempts => Deferrals + (Outcome is MessageOutcome.Delivered or MessageOutcome.Bounced ? 1 : 0);

    /// <summary>Not simply delivered at the first try.</summary>
    public bool Affected => Outcome != MessageOutcome.Delivered || Deferrals > 0;

    /// <summary>The rollup bucket the message counts in now.</summary>
    public MessageBucket Bucket => new(
        Math.DivRem(FirstTs, 3600, out var rem) - (rem < 0 ? 1 : 0), ReceiverId, (int)Outcome, Affected ? 1 : 0,
        RuleSetId, SendingIpId, SenderDomainId, StreamId);
}

/// <summary>The key of a <c>messages_hourly</c> row.</summary>
internal readonly record struct MessageBucket(
    long Hour, long Receiver, int Outcome, int Affected, long RuleSet, long SendingIp, long SenderDomain, long Stream);

/// <summary>How a message is looked up: by queue key (or Message-ID key, or own identity) and recipient.</summary>
internal readonly record struct MessageKey(long Key, string Recipient);
