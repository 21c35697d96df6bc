using System.Globalization;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>What a question names: receiver, codes, addresses, a rule, a time range. Every part is optional.</summary>
public sealed record Entities
{
    /// <summary>A receiver id (<see cref="ReceiverLexicon"/>), e.g. <c>icloud</c>.</summary>
    public string? Receiver { get; init; }

    /// <summary>An RFC 5321 reply code, e.g. 421.</summary>
    public int? Code { get; init; }

    /// <summary>An RFC 3463 enhanced status code, e.g. <c>4.7.0</c>.</summary>
    public string? Status { get; init; }

    /// <summary>A receiver's own bracket code, upper case without brackets, e.g. <c>CS01</c>, <c>TSS04</c>.</summary>
    public string? BracketCode { get; init; }

    /// <summary>An IPv4 or IPv6 address.</summary>
    public string? Ip { get; init; }

    /// <summary>A domain, lower case (from an address when one is given).</summary>
    public string? Domain { get; init; }

    /// <summary>An email address, lower case.</summary>
    public string? Recipient { get; init; }

    /// <summary>A rule id, upper case, e.g. <c>ICL1001</c>.</summary>
    public string? RuleId { get; init; }

    /// <summary>The time range asked about.</summary>
    public TimeRange? Range { get; init; }

    /// <summary>True when nothing was recognised.</summary>
    public bool IsEmpty => this == Empty;

    /// <summary>True when a code of any kind (reply, enhanced, bracket) was named.</summary>
    public bool HasCode => Code is not null || Status is not null || BracketCode is not null;

    /// <summary>No entities.</summary>
    public static Entities Empty { get; } = new();

    /// <summary>
    /// The contract form for <c>/api/chat</c> and <c>dbot ask --json</c>: keys <c>receiver</c>, <c>code</c>, <c>status</c>,
    /// <c>bracketCode</c>, <c>ip</c>, <c>domain</c>, <c>since</c> (the time range as asked), plus <c>rule</c> and <c>recipient</c>; absent parts are left out.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(d, "receiver", Receiver);
        Add(d, "code", Code?.ToString(CultureInfo.InvariantCulture));
        Add(d, "status", Status);
        Add(d, "bracketCode", BracketCode);
        Add(d, "ip", Ip);
        Add(d, "domain", Domain);
        Add(d, "since", Range?.ToString());
        Add(d, "rule", RuleId);
        Add(d, "recipient", Recipient);
        return d;
    }

    /// <summary>The codes named, as one line: <c>554 5.7.1 [CS01]</c>; empty when none.</summary>
    public static string CodeText(Entities e) =>
        string.Join(' ', new[] { e.Code?.ToString(CultureInfo.InvariantCulture), e.Status, e.BracketCode is null ? null : $"[{e.BracketCode}]" }
            .Where(p => p is not null));

    private static void Add(IDictionary<string, string> d, string key, string? value)
    {
        if (value is not null) d[key] = value;
    }
}
