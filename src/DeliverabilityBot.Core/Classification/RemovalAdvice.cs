using System.Text.RegularExpressions;

namespace DeliverabilityBot.Core.Classification;

/// <summary>
/// Advice that removes recipients (suppress the address, stop mailing it, remove addresses at a domain): the advice
/// that deletes customers when it is wrong. A rule may give it only when the reply is about the mailbox; an answer shows
/// it only from findings that agree with the answer's verdict, so a lower rule that also matched (an account-disabled
/// wording inside a reply about the sender's IP) cannot slip it in beside a "do not suppress".
/// </summary>
public static partial class RemovalAdvice
{
    /// <summary>Reasons that say the recipient's mailbox or domain is the subject and may justify removal.</summary>
    public static IReadOnlySet<string> MailboxReasons { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "userunknown", "hostunknown", "hasmoved", "notaccept", "suspend", "mailboxfull" };

    /// <summary>True when <paramref name="action"/> tells the reader to remove, suppress or stop mailing the recipient.</summary>
    /// <remarks>"Do not suppress ...", "before removing the address" and advice about links or listings are not removal.</remarks>
    public static bool IsRemovalAdvice(string action) =>
        RemovalWording().IsMatch(action) && !NegatedRemoval().IsMatch(action);

    /// <summary>The actions of <paramref name="c"/>'s findings in order, removal advice kept only from findings whose reason is the verdict's.</summary>
    public static IReadOnlyList<string> Actions(BounceClassification c)
    {
        var actions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in c.Findings)
        {
            var agrees = f.Reason == c.Reason;
            foreach (var a in f.Actions)
                if ((agrees || !IsRemovalAdvice(a)) && seen.Add(a)) actions.Add(a);
        }
        return actions;
    }

    // "Suppress the address", "Remove the address from the list", "Stop mailing this recipient", "remove addresses at
    // this domain", "stop mailing the old one", "remove it" (of an address). "Remove unengaged recipients" is list
    // hygiene in general, not this recipient.
    [GeneratedRegex(@"\b(?:suppress|remove|delete|stop (?:mailing|sending to))\s+(?:the |this |that |such )?(?:old |invalid )?(?:address|recipient|mailbox|one)\b|\b(?:remove|suppress) (?:the )?addresses at\b|\b(?:remove|suppress) it\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemovalWording();

    // Negated or deferred advice, and removal of things other than recipients (links, listings, blocks).
    [GeneratedRegex(@"\b(?:do not|don't|never|not|before)\s+(?:\w+\s+){0,2}(?:suppress|remov|delet|stop)|\bremov\w* (?:the )?(?:listed|links?|block|attachments?)|request (?:removal|delisting)|removal request|have it delisted|\b(?:links?|url|attachments?)\b[^.;]*\bremove it\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedRemoval();
}
