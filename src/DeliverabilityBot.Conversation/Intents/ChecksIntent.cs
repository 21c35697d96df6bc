using System.Net;
using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "Are we on any blocklists?", "do we have DMARC problems?", "check our SPF": DNS checks of our own sending setup
/// (SPF, DKIM, DMARC, reverse DNS, MX, DNS blocklists) for the IPs and domains named, configured, or busiest in the
/// history, answered first with what is wrong (or that nothing is), then every result with what DNS answered.
/// Off-line or switched off, it says it cannot check and why.
/// </summary>
public sealed partial class ChecksIntent : IntentHandler
{
    private const int MaxIps = 5;
    private const int MaxDomains = 3;
    private static readonly string[] BlocklistOperators = ["spamhaus", "barracuda", "spamcop"];
    private static readonly CheckKind[] DomainKinds = [CheckKind.Spf, CheckKind.Dkim, CheckKind.Dmarc, CheckKind.Mx];

    /// <inheritdoc />
    public override string Name => "checks";

    /// <inheritdoc />
    public override int Precedence => 17;

    /// <inheritdoc />
    public override int HelpOrder => 33;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["ip", "domain"];

    /// <inheritdoc />
    public override string HelpTitle => "DNS and blocklist checks";

    /// <inheritdoc />
    public override string HelpLine => "Are we on any blocklists? · Check our SPF · Do we have DMARC problems? · Check DKIM selector s1 for example.com";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } =
    [
        IntentCue.Of(ListingCue(), 6),
        new(OperatorCue(), 6, Once: true),
        new(AuthCue(), 5, Once: true),
        new(CheckWords(), 2, c => AuthCue().IsMatch(c.Prose) || ListingCue().IsMatch(c.Prose), Once: true),
        // "why is icloud rejecting us for DMARC" asks for the diagnosis of the replies, "rules for dmarc" for rules, not our DNS.
        new(NotOurDns(), -4, c => AuthCue().IsMatch(c.Prose) && !ListingCue().IsMatch(c.Prose), Once: true),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Which IPs are affected?", "Is it us or them?", "What should we do?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var request = await RequestAsync(question, services, cancellationToken);
        var report = await services.Checks.RunAsync(request, cancellationToken);
        return new Composed(Build(report));
    }

    /// <summary>What to check: kinds from the question's words, subjects from the question, the settings or the history.</summary>
    public static async Task<CheckRequest> RequestAsync(Question q, IntentServices services, CancellationToken ct)
    {
        var text = q.Text.ToLowerInvariant();
        var kinds = Kinds(text, q.Entities.Receiver);
        var configured = services.Checks.Configured;
        var domain = q.Entities.Domain is { } d && q.Receivers.ForDomain(d) is null && !IPAddress.TryParse(d, out _) ? d : null;
        bool Wants(CheckKind k) => kinds.Count == 0 || kinds.Contains(k);
        // A question about one IP is about that IP (reverse DNS, IP lists), unless it asks what a domain's records say of it;
        // a question about one domain tests our IPs only for its SPF.
        var needIps = q.Entities.Ip is null && (domain is null ? Wants(CheckKind.ReverseDns) || Wants(CheckKind.Blocklist) || Wants(CheckKind.Spf) : kinds.Contains(CheckKind.Spf));
        var needDomains = domain is null && (q.Entities.Ip is null || kinds.Overlaps(DomainKinds));
        IReadOnlyList<string> ips = q.Entities.Ip is { } ip ? [ip] : needIps ? configured.Ips : [];
        IReadOnlyList<string> domains = domain is not null ? [domain] : needDomains ? configured.Domains : [];
        if (needDomains && domains.Count == 0 && services.Options.SendingDomain is { } sending) domains = [sending];
        if (((needIps && ips.Count == 0) || (needDomains && domains.Count == 0)) && services.Checks.Enabled)
        {
            var stats = await services.Queries.StatsAsync(null, q.Window, ct);
            if (needIps && ips.Count == 0)
                ips = stats.BySendingIp.Where(r => IPAddress.TryParse(r.Key, out _)).OrderByDescending(r => r.Attempts).Take(MaxIps).Select(r => r.Key).ToList();
            if (needDomains && domains.Count == 0)
                domains = stats.BySenderDomain.Where(r => r.Key.Contains('.', StringComparison.Ordinal) && q.Receivers.ForDomain(r.Key) is null)
                    .OrderByDescending(r => r.Attempts).Take(MaxDomains).Select(r => r.Key).ToList();
        }
        var selectors = Selectors(q, domains).Concat(configured.DkimSelectors.Where(s => domains.Contains(s.Domain))).DistinctBy(s => s.QueryName).ToList();
        return new CheckRequest
        {
            Ips = ips, Domains = domains, DkimSelectors = selectors, Kinds = kinds,
            Blocklists = BlocklistOperators.Where(o => text.Contains(o, StringComparison.Ordinal)).Concat(ZoneWord().Matches(text).Select(m => m.Value)).Distinct().ToList(),
        };
    }

    private static HashSet<CheckKind> Kinds(string text, string? receiver)
    {
        var kinds = new HashSet<CheckKind>();
        if (SpfWord().IsMatch(text)) kinds.Add(CheckKind.Spf);
        if (DkimWord().IsMatch(text)) kinds.Add(CheckKind.Dkim);
        if (DmarcWord().IsMatch(text)) kinds.Add(CheckKind.Dmarc);
        if (PtrWord().IsMatch(text)) kinds.Add(CheckKind.ReverseDns);
        if (MxWord().IsMatch(text)) kinds.Add(CheckKind.Mx);
        if (ListingCue().IsMatch(text) || OperatorCue().IsMatch(text) || (receiver is not null && BlocklistOperators.Contains(receiver))) kinds.Add(CheckKind.Blocklist);
        if (AuthenticationWord().IsMatch(text)) kinds.UnionWith([CheckKind.Spf, CheckKind.Dkim, CheckKind.Dmarc]);
        return kinds;
    }

    /// <summary>DKIM selectors named in the question or in a pasted DKIM-Signature header.</summary>
    public static IEnumerable<DkimSelector> Selectors(Question q, IReadOnlyList<string> domains)
    {
        // A pasted signature first: its d= and s= are exact; the words around it may only repeat them.
        var prose = q.Text;
        if (q.Evidence is not null)
        {
            foreach (Match header in DkimSignature().Matches(q.Evidence))
            {
                var tags = Regex.Replace(header.Groups["v"].Value, @"\s+", string.Empty);
                var dTag = Tag(tags, "d");
                var sTag = Tag(tags, "s");
                if (dTag is not null && sTag is not null) yield return new DkimSelector(dTag.ToLowerInvariant(), sTag.ToLowerInvariant(), "pasted DKIM-Signature");
            }
            prose = string.Join('\n', q.Text.Split('\n').Where(l => !q.Evidence.Contains(l.Trim(), StringComparison.Ordinal)));
        }
        foreach (Match m in KeyName().Matches(prose))
            yield return new DkimSelector(m.Groups["d"].Value.ToLowerInvariant().TrimEnd('.'), m.Groups["s"].Value.ToLowerInvariant(), "asked");
        foreach (Match m in SelectorWord().Matches(prose))
            foreach (var d in domains)
                yield return new DkimSelector(d, m.Groups["s"].Value.ToLowerInvariant(), "asked");
    }

    private static string? Tag(string tags, string name) =>
        tags.Split(';').Select(t => t.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == name) is { } kv && kv[1].Length > 0 ? kv[1] : null;

    /// <summary>The answer from a checks report.</summary>
    public static Answer Build(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var subjects = report.Request.Ips.Concat(report.Request.Domains).ToList();
        var subjectText = subjects.Count == 0 ? "nothing named" : string.Join(", ", subjects.Take(4)) + (subjects.Count > 4 ? ", ..." : string.Empty);
        if (report.CannotCheck is { } why)
        {
            return new Answer
            {
                Intent = "checks",
                Subject = $"checks · {subjectText}",
                Headline = $"Cannot check: {why}.",
                Blocks =
                [
                    new ListBlock(subjects.Select(s => $"Would check {s}").ToList()) { Title = "Not checked" },
                    new ListBlock(KeepInMind) { Title = "Keep in mind" },
                    new LinksBlock(ManualLinks(report.Request)) { Title = "Check by hand" },
                ],
            };
        }
        var results = report.Results;
        var problems = results.Where(r => r.Status == CheckStatus.Problem).ToList();
        var warnings = results.Where(r => r.Status == CheckStatus.Warning).ToList();
        var unknown = results.Where(r => r.Status == CheckStatus.Unknown).ToList();
        return new Answer
        {
            Intent = "checks",
            Subject = $"checks · {subjectText}",
            Headline = Headline(report, problems, warnings, unknown),
            Blocks =
            [
                new TableBlock(["check", "for", "result", "finding"],
                    results.OrderBy(r => Rank(r.Status)).ThenBy(r => r.Kind).Select(r => (IReadOnlyList<string>)[KindName(r.Kind), r.Subject, StatusWord(r.Status), r.Summary]).ToList())
                { Title = "Results" },
                new ListBlock(problems.Concat(warnings).SelectMany(r => r.Details.Select(d => $"{r.Subject}: {d}")).Distinct().ToList()) { Title = "Details" },
                new ActionsBlock(problems.Select(Action).Distinct().ToList()),
                new EvidenceBlock(results.Where(r => r.Query is not null).SelectMany(r => r.Records.Count == 0
                    ? [$"{r.Query}: (no record)"]
                    : r.Records.Select(rec => $"{r.Query}: {rec}")).Distinct().Take(24).ToList()) { Title = "What DNS answered" },
                new ListBlock(KeepInMind) { Title = "Keep in mind" },
                new LinksBlock(results.Where(r => r.ActionUrl is not null).Select(r => new AnswerLink($"Look up {r.Subject}", r.ActionUrl!))
                    .Concat(results.Where(r => r.Source is not null).Select(r => new AnswerLink(SourceTitle(r), r.Source!)))
                    .DistinctBy(l => l.Url).ToList()),
            ],
        };
    }

    private static string Headline(CheckReport report, List<CheckResult> problems, List<CheckResult> warnings, List<CheckResult> unknown)
    {
        var results = report.Results;
        var onlyLists = results.Count > 0 && results.All(r => r.Kind == CheckKind.Blocklist);
        var couldNot = unknown.Count == 0 ? string.Empty
            : $"; {unknown.Count} check{(unknown.Count == 1 ? string.Empty : "s")} could not be made ({Trim(unknown[0].Summary)})";
        if (onlyLists)
        {
            var answered = results.Where(r => r.Status is CheckStatus.Ok or CheckStatus.Problem).ToList();
            if (problems.Count > 0)
                return $"Yes: {Trim(problems[0].Summary)}{(problems.Count > 1 ? $" (and {problems.Count - 1} more listing{(problems.Count == 2 ? string.Empty : "s")} below)" : string.Empty)}{couldNot}.";
            if (answered.Count == 0) return $"Unknown: no blocklist could be read{couldNot}.";
            var lists = answered.Select(r => r.Subject[(r.Subject.IndexOf(" on ", StringComparison.Ordinal) + 4)..]).Distinct().ToList();
            return $"No: {Subjects(report.Request)} {(report.Request.Ips.Count + report.Request.Domains.Count == 1 ? "is" : "are")} not listed on {string.Join(", ", lists)}{couldNot}.";
        }
        if (problems.Count > 0)
            return $"{Trim(problems[0].Summary)}{(problems.Count > 1 ? $" ({problems.Count - 1} more problem{(problems.Count == 2 ? string.Empty : "s")} below)" : string.Empty)}{couldNot}.";
        var okCount = results.Count(r => r.Status == CheckStatus.Ok);
        if (okCount == 0 && warnings.Count == 0) return $"Unknown: none of the {results.Count} checks could be made{couldNot}.";
        var single = results.Count(r => r.Status != CheckStatus.Unknown) == 1 ? results.First(r => r.Status != CheckStatus.Unknown) : null;
        if (single is not null) return $"{(single.Status == CheckStatus.Ok ? "No problem: " : string.Empty)}{Trim(single.Summary)}{couldNot}.";
        return $"No problems in {okCount + warnings.Count} checks of {Subjects(report.Request)}"
            + (warnings.Count > 0 ? $", {warnings.Count} warning{(warnings.Count == 1 ? string.Empty : "s")} ({Trim(warnings[0].Summary)})" : string.Empty) + $"{couldNot}.";
    }

    private static string Subjects(CheckRequest r)
    {
        var parts = new List<string>();
        if (r.Ips.Count == 1) parts.Add(r.Ips[0]);
        else if (r.Ips.Count > 1) parts.Add($"our {r.Ips.Count} sending IPs");
        if (r.Domains.Count == 1) parts.Add(r.Domains[0]);
        else if (r.Domains.Count > 1) parts.Add($"{r.Domains.Count} sending domains");
        return parts.Count == 0 ? "the DKIM keys named" : string.Join(" and ", parts);
    }

    private static string Trim(string sentence) => sentence.TrimEnd('.');

    private static int Rank(CheckStatus s) => s switch { CheckStatus.Problem => 0, CheckStatus.Warning => 1, CheckStatus.Unknown => 2, _ => 3 };

    private static string StatusWord(CheckStatus s) => s switch
    {
        CheckStatus.Problem => "PROBLEM", CheckStatus.Warning => "warning", CheckStatus.Unknown => "unknown", _ => "ok",
    };

    private static string KindName(CheckKind k) => k switch
    {
        CheckKind.Spf => "SPF", CheckKind.Dkim => "DKIM", CheckKind.Dmarc => "DMARC", CheckKind.ReverseDns => "reverse DNS", CheckKind.Mx => "MX", _ => "blocklist",
    };

    private static string SourceTitle(CheckResult r) => r.Kind switch
    {
        CheckKind.Spf => "RFC 7208 (SPF)",
        CheckKind.Dkim => r.Source!.EndsWith("8301", StringComparison.Ordinal) ? "RFC 8301 (DKIM key sizes)" : "RFC 6376 (DKIM)",
        CheckKind.Dmarc => "RFC 7489 (DMARC)",
        CheckKind.ReverseDns => "Gmail sender guidelines (forward and reverse DNS)",
        CheckKind.Mx => r.Source!.EndsWith("7505", StringComparison.Ordinal) ? "RFC 7505 (null MX)" : "RFC 5321 section 5.1 (MX)",
        _ => $"{r.Subject[(r.Subject.IndexOf(" on ", StringComparison.Ordinal) + 4)..]}: return codes",
    };

    private static string Action(CheckResult r) => r.Kind switch
    {
        CheckKind.Spf => $"SPF for {r.Subject}: publish one record that names every service sending as the domain (ip4:/ip6:/include:), end it with ~all or -all, and stay within 10 DNS lookups (RFC 7208).",
        CheckKind.Dkim => $"DKIM {r.Subject}: publish the public key your MTA or ESP signs with at that name, or sign with a selector whose key is published and at least 1024 bits (2048 recommended).",
        CheckKind.Dmarc => $"DMARC for {r.Subject}: publish one record at _dmarc.{r.Subject} such as \"v=DMARC1; p=none; rua=mailto:you@{r.Subject}\", read the reports, then tighten the policy once SPF or DKIM align (RFC 7489).",
        CheckKind.ReverseDns => $"Reverse DNS of {r.Subject}: ask whoever owns the IP (your ESP or hosting provider) to set its PTR to a name in your domain that resolves back to {r.Subject}.",
        CheckKind.Mx => $"MX of {r.Subject}: give the domain MX hosts that accept mail, so bounces, replies and DMARC reports reach you.",
        _ => $"{r.Subject}: look it up on the list's page to see why it is listed, fix the cause (a compromised host, spam traps, complaints) first, then request removal where the list takes requests.",
    };

    private static IReadOnlyList<AnswerLink> ManualLinks(CheckRequest r) =>
        r.Ips.Select(ip => new AnswerLink($"Spamhaus lookup of {ip}", "https://check.spamhaus.org/results/?query=" + Uri.EscapeDataString(ip)))
            .Concat(r.Domains.Select(d => new AnswerLink($"Spamhaus lookup of {d}", "https://check.spamhaus.org/results/?query=" + Uri.EscapeDataString(d))))
            .Append(new AnswerLink("Barracuda reputation lookup", "https://barracudacentral.org/rbl/"))
            .Append(new AnswerLink("SpamCop blocking list lookup", "https://www.spamcop.net/bl.shtml"))
            .ToList();

    private static readonly IReadOnlyList<string> KeepInMind =
    [
        "Not being on a public list does not mean not blocked: receivers and filters such as Proofpoint keep their own reputation, which no DNS query shows.",
        "A \"query refused\" answer (Spamhaus 127.255.255.x) is an error about how we asked, never a listing.",
    ];

    [GeneratedRegex(@"\b(?:block ?lists?\w*|black ?lists?\w*|blocklisted|blacklisted|dnsbls?|rbls?|dbl|zen|listed (?:on|in|anywhere)|(?:on|in) any (?:\w+ )?lists?|listings?)\b")]
    private static partial Regex ListingCue();

    // A list operator named as a list ("on spamhaus", "spamcop status"), not Barracuda's mail service deferring us.
    [GeneratedRegex(@"\b(?:(?:on|in|at) (?:the )?(?:spamhaus|barracuda|spamcop)|(?:spamhaus|barracuda|spamcop)(?: \w+)? (?:list\w*|check\w*|look ?up|status))\b")]
    private static partial Regex OperatorCue();

    [GeneratedRegex(@"\b(?:zen|dbl|brbl)\b")]
    private static partial Regex ZoneWord();

    [GeneratedRegex(@"\b(?:spf|dkim|dmarc|domainkeys?|ptr|rdns|fcrdns|reverse (?:dns|lookup)|mx records?|dns (?:records?|checks?|setup|config\w*)|email authentication|authentication (?:setup|records?|config\w*)|auth (?:setup|records?))\b")]
    private static partial Regex AuthCue();

    [GeneratedRegex(@"\b(?:check\w*|verify|validate|look ?up|test|publish\w*|records?|set ?up|configured|valid|correct|broken|problems?|issues?|ok|okay|fine|missing|status|policy|pass)\b")]
    private static partial Regex CheckWords();

    [GeneratedRegex(@"\b(?:why|rules?)\b")]
    private static partial Regex NotOurDns();

    [GeneratedRegex(@"\bspf\b")]
    private static partial Regex SpfWord();

    [GeneratedRegex(@"\b(?:dkim|domainkeys?|selectors?)\b")]
    private static partial Regex DkimWord();

    [GeneratedRegex(@"\bdmarc\b")]
    private static partial Regex DmarcWord();

    [GeneratedRegex(@"\b(?:ptr|rdns|fcrdns|reverse (?:dns|lookup))\b")]
    private static partial Regex PtrWord();

    [GeneratedRegex(@"\bmx\b")]
    private static partial Regex MxWord();

    [GeneratedRegex(@"\b(?:email authentication|authentication|auth setup|auth records?)\b")]
    private static partial Regex AuthenticationWord();

    [GeneratedRegex(@"\b(?<s>[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)\._domainkey\.(?<d>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyName();

    [GeneratedRegex(@"\b(?:selector|s=)\s*[:=]?\s*['""`]?(?!(?:for|of|on|at|in|is|the|a|we|our|and|to)\b)(?<s>[a-z0-9_-]+)\b(?!\._domainkey)", RegexOptions.IgnoreCase)]
    private static partial Regex SelectorWord();

    // Up to the next header: chat clients and the evidence splitter may have trimmed the folded lines' indentation.
    [GeneratedRegex(@"^\s*DKIM-Signature:(?<v>.*?)(?=^\s*[A-Za-z][\w-]*:\s|\z)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DkimSignature();
}
