using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>
/// DBR0109: a rule that advises removing the recipient (hardBounce: true, a mailbox reason, or an action that says to
/// suppress, remove or stop mailing the address) must be about the mailbox. It fails when it matches one of the built-in
/// replies about the sender, its IP, its account or the receiver's policy (<see cref="NotAMailboxProbes"/>), or when one
/// of its own examples carries no evidence that the mailbox is the subject (an X.1.x / X.2.x status, or wording about the
/// recipient, the mailbox or its domain).
/// </summary>
public sealed partial class SuppressAdviceCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        foreach (var rule in context.Rules.Rules)
        {
            if (Why(rule.Descriptor) is not { } why) continue;
            foreach (var probe in NotAMailboxProbes.All)
            {
                var ev = ExampleEvents.Build(probe.WithDefaults(Context(rule.Descriptor)), "probe");
                if (!rule.Matches(context.Rules.Attributor.Facts(ev))) continue;
                bag.Report(DiagnosticCatalog.SuppressAdviceWithoutMailboxEvidence, rule.Descriptor.IdLocation,
                    $"rule {rule.Id} advises removing the recipient ({why}) but matches a reply about the sender, its IP or the receiver's policy: \"{probe.Reply}\"; narrow the match (a 'not' on the sender or IP wording) or drop the removal advice");
                break;
            }
            foreach (var ex in rule.Descriptor.Examples)
            {
                if (HasMailboxEvidence(ex)) continue;
                bag.Report(DiagnosticCatalog.SuppressAdviceWithoutMailboxEvidence, ex.Location,
                    $"rule {rule.Id} advises removing the recipient ({why}) but this example shows no evidence that the mailbox is the subject (no X.1.x / X.2.x status, no recipient, mailbox or domain wording)");
            }
        }
    }

    /// <summary>Why the rule counts as removal advice, or null when it does not.</summary>
    public static string? Why(RuleDescriptor d)
    {
        if (d.HardBounce == true) return "hardBounce: true";
        if (d.Reason is { } r && RemovalAdvice.MailboxReasons.Contains(r) && r != "mailboxfull") return $"reason {r}";
        return d.Actions.FirstOrDefault(RemovalAdvice.IsRemovalAdvice) is { } a ? $"action \"{a}\"" : null;
    }

    private static bool HasMailboxEvidence(ExampleCase ex)
    {
        // A complaint is the recipient's own word; X.1.x (but X.1.7/X.1.8, the sender) and X.2.x name the mailbox, X.3.2
        // and X.4.4 the recipient's domain, X.7.13 the recipient's account.
        if (ex.Kind == Core.Events.EvidenceKind.Feedback) return true;
        var reply = SmtpReply.Parse(ex.Reply);
        if (reply.Status is { Subject: 1, Detail: not (7 or 8) } or { Subject: 2 } or { Subject: 3, Detail: 2 } or { Subject: 4, Detail: 4 } or { Subject: 7, Detail: 13 }) return true;
        return MailboxWording().IsMatch(ex.Reply ?? string.Empty);
    }

    // The probe keeps the rule's own recipient and host, so receiver rules are checked at their receiver.
    private static ExampleCase Context(RuleDescriptor d) =>
        d.Examples.Count > 0 ? d.Examples[0] with { Reply = null, Stage = null, Action = null, Kind = null } : ExampleCase.Empty;

    [GeneratedRegex(@"user|recipient|rcpt|mailbox|mail box|address|account|addressee|destinat|alias|no such|domain|host|mx\b|customer|person|name|unknown|mail receiving|moved|inactive|quota|storage|full|no longer|ユーザ|アドレス|宛先", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MailboxWording();
}
