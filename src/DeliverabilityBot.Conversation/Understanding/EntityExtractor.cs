using System.Net;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>Extracts <see cref="Entities"/> from cleaned text (see <see cref="ChatMarkup"/>).</summary>
public static partial class EntityExtractor
{
    /// <summary>
    /// Extracts entities. <paramref name="prose"/> is what the person wrote around any pasted evidence; receivers named
    /// there win over receivers only visible inside <paramref name="evidence"/> (a Proofpoint URL in an iCloud reply);
    /// <paramref name="receivers"/> gives the receivers' names, domains and markers.
    /// </summary>
    public static Entities Extract(string prose, string? evidence, ReceiverLexicon receivers)
    {
        var all = evidence is null ? prose : prose + "\n" + evidence;
        var recipient = Email().Match(all) is { Success: true } e ? e.Value.ToLowerInvariant() : null;
        var domain = recipient is not null ? recipient[(recipient.IndexOf('@') + 1)..] : FindDomain(all);
        return new Entities
        {
            Receiver = receivers.Finder.Find(SpellingCorrector.Correct(prose, receivers))
                       ?? (recipient is not null ? receivers.ForDomain(domain!)?.Id : null)
                       ?? DomainReceiver(all, receivers)
                       ?? (evidence is null ? null : receivers.Finder.Find(evidence.ToLowerInvariant())),
            Code = FindCode(all),
            Status = Status().Match(all) is { Success: true } s && EnhancedStatusCode.TryParse(s.Value, out var st) ? st.ToString() : null,
            BracketCode = FindBracketCode(all),
            Ip = FindIp(all),
            Domain = domain,
            Recipient = recipient,
            RuleId = FindRuleId(all),
            Range = TimeRangeParser.Find(prose),
        };
    }

    private static string? FindDomain(string text)
    {
        foreach (Match m in Domain().Matches(text))
        {
            if (IsInsideUrl(text, m.Index)) continue;
            var d = m.Groups["d"].Value.ToLowerInvariant();
            if (!FileExtension().IsMatch(d)) return d;
        }
        return null;
    }

    private static string? DomainReceiver(string text, ReceiverLexicon receivers)
    {
        foreach (Match m in Domain().Matches(text))
            if (receivers.ForDomain(m.Groups["d"].Value) is { } r && !IsInsideUrl(text, m.Index)) return r.Id;
        return null;
    }

    private static bool IsInsideUrl(string text, int index)
    {
        var start = text.LastIndexOfAny([' ', '\n', '\t', '(', '<'], Math.Max(0, index - 1)) + 1;
        return text.AsSpan(start, index - start).Contains("://", StringComparison.Ordinal);
    }

    private static int? FindCode(string text)
    {
        foreach (Match m in ReplyCode().Matches(text))
        {
            var code = int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (code is 250 or 251 or (>= 400 and <= 459) or (>= 500 and <= 559)) return code;
        }
        return null;
    }

    // Ids are a family prefix and four digits (rules/ID-RANGES.md): known families in any case, new ones in capitals,
    // unless the whole message is in capitals ("QUEUE ID ABCD1234 FAILED" is shouting, not a rule id).
    private static string? FindRuleId(string text)
    {
        var shouted = !text.Any(char.IsLower);
        foreach (Match m in RuleId().Matches(text))
        {
            var prefix = m.Groups["p"].Value;
            if (KnownFamilies().IsMatch(prefix) || (!shouted && prefix.All(char.IsUpper))) return m.Value.ToUpperInvariant();
        }
        return null;
    }

    private static string? FindBracketCode(string text)
    {
        var m = Bracketed().Match(text);
        if (!m.Success) m = BareBracketCode().Match(text);
        return m.Success ? m.Groups["c"].Value.ToUpperInvariant() : null;
    }

    private static string? FindIp(string text)
    {
        string? first = null;
        foreach (Match m in IpCandidate().Matches(text))
        {
            if (!IPAddress.TryParse(m.Value, out var ip)) continue;
            var value = ip.ToString();
            // "ip=203.0.113.7" (a Proofpoint lookup link) or "from IP 203.0.113.7" names our sending IP: prefer it.
            var before = text.AsSpan(Math.Max(0, m.Index - 4), Math.Min(4, m.Index));
            if (before.Contains("ip", StringComparison.OrdinalIgnoreCase)) return value;
            first ??= value;
        }
        return first;
    }

    [GeneratedRegex(@"[a-z0-9._%+'\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![@\w.\-])(?<d>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w\-]|\.\w)", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();

    [GeneratedRegex(@"\.(?:log|txt|eml|json|ya?ml|cs|md|html?|mbox|gz|zip|csv|msg)$")]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"(?<![\w.:/=\-\[])(?<code>[245]\d\d)s?(?![\w:/]|\.\d|\s*(?:e-?mails?|messages?|mails?|recipients?|users?|addresses|times|attempts|ms|kb|mb|gb|%|percent)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyCode();

    [GeneratedRegex(@"(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)")]
    private static partial Regex Status();

    [GeneratedRegex(@"\[(?<c>[a-z]{2,4}\d{1,3})\]", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\b(?<c>(?:tss|ts|cs|hme|hm|ph|bl)\d{1,2}|(?:rp|sc|dy|ou)-00\d|a?s\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex BareBracketCode();

    [GeneratedRegex(@"\b(?<p>[a-z]{3,4})\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^(?:ICL|GML|YHO|MSF|PPT|CMK|SPH|BRC|SPC|MMC|CSC|ABX|VDE|SND|DIAG|SMTP)$", RegexOptions.IgnoreCase)]
    private static partial Regex KnownFamilies();

    [GeneratedRegex(@"(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})(?![\w:]|\.\d)", RegexOptions.IgnoreCase)]
    private static partial Regex IpCandidate();
}
