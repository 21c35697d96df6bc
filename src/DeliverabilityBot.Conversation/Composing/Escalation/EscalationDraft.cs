using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Conversation.Composing.Escalation;

/// <summary>
/// Writes the draft. Apple asks for company name, email domain, IPs of the affected servers, the SMTP errors received
/// and a description including when it started (https://support.apple.com/en-us/102322); Proofpoint's unblock request
/// asks for the recipient of the blocked email, the type of email, supporting data and recent problems on the network
/// (https://www.proofpoint.com/us/support-services/ip-blocked-faq). Every other receiver gets the union. What the
/// evidence cannot say (who we are when unconfigured, what was already done) is a [bracketed] placeholder.
/// </summary>
public static partial class EscalationDraft
{
    private const string ApplePage = "https://support.apple.com/en-us/102322";
    private const string ProofpointFaq = "https://www.proofpoint.com/us/support-services/ip-blocked-faq";

    /// <summary>The contact a draft goes to: an email address first, then a sender support or delisting form, then a postmaster page.</summary>
    public static ReceiverContact? ContactOf(ReceiverProfile target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string[] order = target.IsReceiver ? ["email", "sender-support", "delisting", "postmaster", "lookup"] : ["delisting", "email", "sender-support", "lookup", "postmaster"];
        return order.Select(k => target.Contacts.FirstOrDefault(c => c.Kind == k)).FirstOrDefault(c => c is not null);
    }

    /// <summary>"icloudadmin@apple.com, per https://support.apple.com/en-us/102322".</summary>
    public static string Where(ReceiverContact c) => $"{Address(c)}, per {c.Source}";

    /// <summary>The draft for the evidence.</summary>
    public static EscalationDraftText For(EscalationEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var placeholders = new List<string>();
        string Fill(string? value, string placeholder)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value;
            placeholders.Add(placeholder);
            return placeholder;
        }
        var contact = ContactOf(e.Target);
        var receiverName = e.Traffic?.DisplayName ?? e.Target.DisplayName;
        var company = Fill(e.Company, "[your company name]");
        var domain = Fill(e.SendingDomain ?? e.Stats.BySenderDomain.Where(r => r.Attempts > 0 && StatsReport.IsRecorded(r.Key)).OrderByDescending(r => r.Attempts).FirstOrDefault()?.Key, "[your sending domain]");
        var ips = Ips(e);
        var ipText = Fill(ips.Count == 0 ? null : string.Join(", ", ips), "[the sending IPs affected]");
        var start = Start(e.Stats);
        var startText = Fill(start is null ? null : Numbers.Time(start.Value), "[when it started]");
        var t = e.Stats.Total;
        var volume = t.Attempts == 0 ? Fill(null, "[how many messages were affected]")
            : $"{Numbers.Count(t.Attempts)} delivery attempts to {receiverName} {e.RangeText}: {Numbers.Count(t.Delivered)} delivered, {Numbers.Count(t.Deferred)} deferred (4xx), {Numbers.Count(t.Bounced)} refused (5xx)";
        var replies = e.Examples.GroupBy(x => x.Reply, StringComparer.Ordinal).Select(g => g.First()).Take(5).ToList();
        var streams = e.Stats.ByStream.Select(s => s.Key).Where(StatsReport.IsRecorded).ToList();
        var mailType = Fill(streams.Count == 0 ? null : string.Join(", ", streams), "[type of mail: transactional / newsletters / company communications / personal correspondence]");
        var done = Fill(null, "[what you already did: e.g. slowed the rate, paused marketing to this receiver, checked SPF/DKIM/DMARC, removed unengaged recipients]");
        var ptr = Fill(null, "[reverse DNS (PTR) name of each IP]");
        var name = Fill(null, "[your name, role and a reply address]");
        var isProofpoint = e.Target.Id == "proofpoint";
        var isApple = e.Target.Id == "icloud";

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Hello {e.Target.DisplayName} team,\n\n");
        body.Append(isProofpoint
            ? $"We ask you to review the Proofpoint Dynamic Reputation listing of our sending IP{(ips.Count == 1 ? string.Empty : "s")} {ipText}: mail from {domain} to {receiverName} users is refused with your block reply.\n\n"
            : $"Mail from {domain} to {receiverName} users has been deferred or refused since {startText}. We follow your sender guidelines and ask you to look into it.\n\n");
        body.Append(CultureInfo.InvariantCulture, $"Company name: {company}\n");
        body.Append(CultureInfo.InvariantCulture, $"Sending (email) domain: {domain}\n");
        body.Append(CultureInfo.InvariantCulture, $"Sending IPs affected: {ipText}\n");
        body.Append(CultureInfo.InvariantCulture, $"Reverse DNS of the IPs: {ptr}\n");
        if (isProofpoint || !isApple)
        {
            var recipient = Fill(e.Examples.Select(x => x.Recipient).FirstOrDefault(r => r is not null), "[a recipient of the blocked email]");
            body.Append(CultureInfo.InvariantCulture, $"Recipient of blocked email: {recipient}\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"Type of email: {mailType}\n");
        body.Append(CultureInfo.InvariantCulture, $"Started: {startText}\n");
        body.Append(CultureInfo.InvariantCulture, $"Volume: {volume}\n\n");
        body.Append(isApple ? "SMTP errors received from iCloud Mail (verbatim, UTC):\n" : "Replies received (verbatim, UTC), our supporting data:\n");
        if (replies.Count == 0) body.Append("  ").Append(Fill(null, "[the SMTP replies, verbatim, with times]")).Append('\n');
        foreach (var r in replies)
            body.Append(CultureInfo.InvariantCulture, $"  {(r.Timestamp is { } ts ? Numbers.Time(ts) : "[time]")} from {r.SendingIp ?? "[IP]"} to {r.RemoteHost ?? "[host]"}: {r.Reply}\n");
        body.Append('\n');
        body.Append(isProofpoint ? "Recent problems on our network and what we changed: " : "What we have already done: ").Append(done).Append("\n\n");
        body.Append(isProofpoint
            ? "Please let us know whether the listing can be lifted, or what you see from these IPs.\n\n"
            : "Could you tell us what you see from our IPs and domain, and what we should change?\n\n");
        body.Append("Thank you,\n").Append(name).Append('\n').Append(company).Append('\n');

        var subject = isProofpoint
            ? $"Unblock request for {ipText} ({domain})"
            : $"Delivery from {domain} ({ipText}) to {receiverName} deferred or refused since {startText}";
        IReadOnlyList<string> asks = isApple
            ? [$"company name, email domain, IPs of the affected mail servers, the SMTP errors received from iCloud, a description including when it started ({ApplePage})"]
            : isProofpoint ? [$"the recipient of the blocked email, the type of email blocked, supporting data (the bounce, verbatim with its time) and recent problems on your network ({ProofpointFaq})"]
            : [];
        return new EscalationDraftText(contact is null ? "[where you reach them]" : Address(contact), subject, body.ToString(), placeholders, asks);
    }

    private static string Address(ReceiverContact c) => c.Url.StartsWith("mailto:", StringComparison.Ordinal) ? c.Url["mailto:".Length..] : c.Url;

    // The affected IPs: those with 5% or more in trouble, else every IP we sent from; with the IPs replies name (a filter's ?ip=).
    private static List<string> Ips(EscalationEvidence e)
    {
        var rows = e.Stats.BySendingIp.Where(r => r.Attempts > 0 && StatsReport.IsRecorded(r.Key)).ToList();
        var affected = rows.Where(Breakdown.IsAffected).Select(r => r.Key).ToList();
        var fromStats = e.Target.IsReceiver ? (affected.Count > 0 ? affected : rows.Select(r => r.Key).ToList()) : [];
        var fromReplies = e.Examples.SelectMany(x => QuotedIp().Matches(x.Reply).Select(m => m.Groups[1].Value).Append(x.SendingIp ?? string.Empty));
        return fromStats.Concat(fromReplies).Where(ip => ip.Length > 0).Distinct(StringComparer.Ordinal).Take(8).ToList();
    }

    private static DateTimeOffset? Start(StatsReport stats) =>
        stats.ByHour.Where(h => h.Attempts > 0 && Breakdown.IsAffected(h))
            .Select(h => DateTimeOffset.TryParse(h.Key.Length == 13 ? h.Key + ":00:00Z" : h.Key, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : (DateTimeOffset?)null)
            .Where(t => t is not null).Min();

    [GeneratedRegex(@"[?&]ip=([0-9a-fA-F.:]{3,45})")]
    private static partial Regex QuotedIp();
}
