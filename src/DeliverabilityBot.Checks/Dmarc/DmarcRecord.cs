using System.Globalization;

namespace DeliverabilityBot.Checks.Dmarc;

/// <summary>A DMARC policy record's tags (RFC 7489 section 6.3).</summary>
public sealed class DmarcRecord
{
    private DmarcRecord() { }

    /// <summary>The record as published.</summary>
    public required string Text { get; init; }

    /// <summary>The policy (<c>none</c>, <c>quarantine</c>, <c>reject</c>), or null when missing or invalid.</summary>
    public string? Policy { get; private init; }

    /// <summary>The subdomain policy, when given.</summary>
    public string? SubdomainPolicy { get; private init; }

    /// <summary>The percentage the policy applies to (default 100).</summary>
    public int Percent { get; private init; } = 100;

    /// <summary>Aggregate report addresses (<c>rua=</c>).</summary>
    public string? AggregateReports { get; private init; }

    /// <summary>DKIM alignment: <c>r</c> relaxed (default) or <c>s</c> strict.</summary>
    public string DkimAlignment { get; private init; } = "r";

    /// <summary>SPF alignment: <c>r</c> relaxed (default) or <c>s</c> strict.</summary>
    public string SpfAlignment { get; private init; } = "r";

    /// <summary>What makes the record invalid, or null.</summary>
    public string? Error { get; private init; }

    /// <summary>True when <paramref name="txt"/> starts a DMARC record ("v=DMARC1" first, section 6.4).</summary>
    public static bool IsDmarc(string txt)
    {
        var semicolon = txt.IndexOf(';');
        var first = (semicolon < 0 ? txt : txt[..semicolon]).Replace(" ", string.Empty, StringComparison.Ordinal);
        return first.Equals("v=DMARC1", StringComparison.Ordinal);
    }

    /// <summary>Parses a record that <see cref="IsDmarc"/> accepted.</summary>
    public static DmarcRecord Parse(string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            tags.TryAdd(part[..eq].Trim(), part[(eq + 1)..].Trim());
        }
        string? error = null;
        var policy = tags.TryGetValue("p", out var p) ? p.ToLowerInvariant() : null;
        if (policy is null) error = "no p= tag: the policy is required right after v=DMARC1 (RFC 7489 section 6.3)";
        else if (policy is not ("none" or "quarantine" or "reject")) { error = $"p={p} is not a policy (none, quarantine, reject)"; policy = null; }
        var sp = tags.TryGetValue("sp", out var s) ? s.ToLowerInvariant() : null;
        if (sp is not null and not ("none" or "quarantine" or "reject")) error ??= $"sp={s} is not a policy (none, quarantine, reject)";
        var pct = 100;
        if (tags.TryGetValue("pct", out var pc) && (!int.TryParse(pc, NumberStyles.None, CultureInfo.InvariantCulture, out pct) || pct > 100))
        {
            error ??= $"pct={pc} is not a number from 0 to 100";
            pct = 100;
        }
        var adkim = tags.TryGetValue("adkim", out var ad) ? ad.ToLowerInvariant() : "r";
        var aspf = tags.TryGetValue("aspf", out var asp) ? asp.ToLowerInvariant() : "r";
        if (adkim is not ("r" or "s")) error ??= $"adkim={ad} is not r or s";
        if (aspf is not ("r" or "s")) error ??= $"aspf={asp} is not r or s";
        return new DmarcRecord
        {
            Text = text, Policy = policy, SubdomainPolicy = sp, Percent = pct,
            AggregateReports = tags.TryGetValue("rua", out var rua) && rua.Length > 0 ? rua : null,
            DkimAlignment = adkim, SpfAlignment = aspf, Error = error,
        };
    }
}
