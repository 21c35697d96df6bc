namespace DeliverabilityBot.Rules.Tests.Diagnostics;

/// <summary>
/// A valid rule file and line-level edits that break it in one way each. Lines of <see cref="Valid"/> (1-based):
/// 4 "- id", 5 title, 6 message, 7 category, 8 severity, 9 priority, 10 helpUri, 11 references, 12 url, 13 confidence,
/// 14 match, 15 contains, 16 reason, 17 filter, 18 explanation, 19 actions, 20 examples, 21 example, 22 counterExamples, 23 counter-example.
/// </summary>
internal static class BrokenRuleFiles
{
    public const string Valid = """
        family: BRC
        scope: filter
        rules:
          - id: BRC1001
            title: Barracuda blocked the sending IP
            message: "Barracuda blocked {ip}"
            category: reputation
            severity: error
            priority: 400
            helpUri: https://www.barracudacentral.org/lookups
            references:
              - url: https://www.barracudacentral.org/rbl
                confidence: official
            match:
              contains: barracudacentral
            reason: blocked
            filter: barracuda
            explanation: The sending IP is on the Barracuda reputation list.
            actions: [Request removal at barracudacentral.org.]
            examples:
              - "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org"
            counterExamples:
              - "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"

        """;

    /// <summary><see cref="Valid"/> with 1-based line <paramref name="line"/> replaced by <paramref name="text"/> (null deletes it).</summary>
    public static string Replace(int line, string? text)
    {
        var lines = Valid.Split('\n').ToList();
        if (text is null) lines.RemoveAt(line - 1); else lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    /// <summary><see cref="Valid"/> with <paramref name="text"/> inserted before 1-based line <paramref name="line"/>.</summary>
    public static string Insert(int line, string text)
    {
        var lines = Valid.Split('\n').ToList();
        lines.Insert(line - 1, text);
        return string.Join('\n', lines);
    }
}
