using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Core.Suppression;

/// <summary>
/// Which failed recipients are safe to suppress: a permanent (5xx) refusal about the mailbox itself (RFC 3463 X.1.x
/// addressing or X.2.1 mailbox disabled, or mailbox wording at RCPT when the reply has no enhanced code) that the
/// classifier calls a hard bounce, with nothing delivered or deferred to the address after it. Never deferrals,
/// queue expiries, policy, reputation, authentication, content or receiver outages: those are about the sender or
/// the receiver, and suppressing for them deletes customers whose mailboxes work.
/// </summary>
public static class SuppressionPolicy
{
    /// <summary>Reasons that name the mailbox (Sisimai's): the address does not exist, moved, is disabled, or the domain takes no mail.</summary>
    /// <remarks>Mailbox full is left out: it is usually temporary (SparkPost class 22 "Soft"; facts.md ICL-FULL "retry later").</remarks>
    public static IReadOnlySet<string> MailboxReasons { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "userunknown", "hostunknown", "hasmoved", "notaccept", "suspend" };

    /// <summary>Categories whose refusals are about the sender, its mail or the receiver's state, never the recipient.</summary>
    public static IReadOnlySet<string> NotMailboxCategories { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "authentication", "reputation", "volume", "content-policy", "infrastructure", "sender-queue", "receiver-outage",
    };

    /// <summary>Decides one recipient.</summary>
    public static SuppressionVerdict Decide(RecipientFailure f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var reply = SmtpReply.Parse(f.Reply);
        var code = f.ReplyCode ?? reply.Code;
        var status = reply.Status;
        if (f.LaterNonFailure) return SuppressionVerdict.Hold("delivered or deferred after the failure");
        if (f.Reason == "expired" || code is >= 400 and < 500 || status is { IsTransient: true })
            return SuppressionVerdict.Hold("deferred until our queue gave up (expired)");
        if (f.Category == "receiver-outage") return SuppressionVerdict.Hold("receiver outage");
        if (NotMailboxCategories.Contains(f.Category)) return SuppressionVerdict.Hold(f.Category + " refusal");
        if (!MailboxReasons.Contains(f.Reason)) return SuppressionVerdict.Hold("not about the mailbox (" + f.Reason + ")");
        if (!f.HardBounce) return SuppressionVerdict.Hold("not a hard bounce");
        if (code is not (>= 500 and < 600)) return SuppressionVerdict.Hold("no permanent (5xx) reply");
        if (status is not null && !IsMailboxStatus(status)) return SuppressionVerdict.Hold($"status {status} is not about the mailbox");
        if (status is null && f.Stage != SmtpStage.RcptTo) return SuppressionVerdict.Hold("no mailbox status and not refused at RCPT");
        return SuppressionVerdict.Suppress;
    }

    /// <summary>
    /// RFC 3463 codes about the recipient's address or mailbox: 5.1.x except the sender's own (5.1.7, 5.1.8), and 5.2.0 /
    /// 5.2.1 (mailbox disabled). 5.2.2 (full) and 5.2.3 (message too long) are not the address.
    /// </summary>
    public static bool IsMailboxStatus(EnhancedStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Class == 5 && (status.Subject == 1 ? status.Detail is not (7 or 8) : status.Subject == 2 && status.Detail is 0 or 1);
    }
}
