using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Core.Suppression;

/// <summary>
/// A recipient's newest hard failure in a window, as the store kept it, and whether anything but a failure happened to
/// the recipient after it (a delivery or a deferral says the mailbox is still there or the refusal was temporary).
/// </summary>
/// <param name="Recipient">The address, lower-cased.</param>
/// <param name="Timestamp">When the failure happened.</param>
/// <param name="Receiver">The receiver id.</param>
/// <param name="Reason">The Sisimai reason the classifier gave.</param>
/// <param name="Category">The diagnosis category of the primary finding.</param>
/// <param name="Stage">The SMTP stage of the reply.</param>
/// <param name="ReplyCode">The SMTP reply code, when known.</param>
/// <param name="Reply">The reply as received.</param>
/// <param name="HardBounce">The classifier's hard-bounce conclusion.</param>
/// <param name="RuleIds">The rules that fired, primary first.</param>
/// <param name="LaterNonFailure">True when a delivery or deferral to the recipient followed the failure in the window.</param>
public sealed record RecipientFailure(
    string Recipient,
    DateTimeOffset Timestamp,
    string Receiver,
    string Reason,
    string Category,
    SmtpStage Stage,
    int? ReplyCode,
    string Reply,
    bool HardBounce,
    IReadOnlyList<string> RuleIds,
    bool LaterNonFailure);
