namespace DeliverabilityBot.Core.Suppression;

/// <summary>Whether one recipient may be suppressed and, when not, why (one short phrase, grouped in answers).</summary>
/// <param name="Safe">True only when the evidence says the mailbox itself is gone or refuses mail for good.</param>
/// <param name="Why">Why it is held back ("policy or reputation refusal"); empty when safe.</param>
public sealed record SuppressionVerdict(bool Safe, string Why)
{
    /// <summary>The verdict for a mailbox-level hard bounce.</summary>
    public static SuppressionVerdict Suppress { get; } = new(true, string.Empty);

    /// <summary>A held verdict.</summary>
    public static SuppressionVerdict Hold(string why) => new(false, why);
}
