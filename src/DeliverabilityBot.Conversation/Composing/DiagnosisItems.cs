using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>Maps engine output (diagnoses, example bounces) to answer items, word for word.</summary>
public static class DiagnosisItems
{
    /// <summary>The most example replies shown per diagnosis.</summary>
    public const int ExamplesPerItem = 3;

    /// <summary>One diagnosis as an answer item.</summary>
    public static AnswerItem From(Diagnosis d, bool withEvidence = true)
    {
        var figures = d.Evidence.Figures.Select(f => new AnswerFigure(f.Label, f.Value)).ToList();
        // A consequence says what it follows from, so nobody fixes the expiry instead of the deferral that caused it.
        if (d.CausedBy is { } cause) figures.Insert(0, new AnswerFigure("follows from", $"{cause.Title} ({cause.Id})"));
        if (d.Evidence.FirstSeen is { } first) figures.Add(new AnswerFigure("first seen", Numbers.Time(first)));
        if (d.Evidence.LastSeen is { } last) figures.Add(new AnswerFigure("last seen", Numbers.Time(last)));
        return new AnswerItem
        {
            Title = d.Title,
            Category = d.Category,
            Confidence = d.Confidence,
            Explanation = d.Explanation,
            Figures = figures,
            Evidence = withEvidence ? d.Evidence.Examples.Take(ExamplesPerItem).Select(Example).ToList() : [],
            Actions = d.Actions,
            RuleIds = d.Rules,
            References = d.References,
        };
    }

    /// <summary>The item without its actions (when the answer lists them once, merged).</summary>
    public static AnswerItem WithoutActions(AnswerItem i) => new()
    {
        Title = i.Title, Category = i.Category, Confidence = i.Confidence, Explanation = i.Explanation, Figures = i.Figures,
        Evidence = i.Evidence, RuleIds = i.RuleIds, References = i.References,
    };

    /// <summary>An example bounce as one evidence line: when, to whom, via which host and IP, then the reply verbatim.</summary>
    public static string Example(EvidenceExample e)
    {
        var where = string.Join(" · ", new[]
        {
            e.Timestamp is { } t ? Numbers.Time(t) : null,
            e.Recipient,
            e.RemoteHost is null ? null : "via " + e.RemoteHost,
            e.SendingIp is null ? null : "from " + e.SendingIp,
        }.Where(p => p is not null));
        return where.Length == 0 ? e.Reply : where + ": " + e.Reply;
    }

    /// <summary>Links for reference URLs (http and https only; anything else is dropped).</summary>
    public static IReadOnlyList<AnswerLink> Links(IEnumerable<string> urls, int max = 5) =>
        urls.Distinct(StringComparer.Ordinal)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null)
            .OfType<Uri>()
            .Take(max)
            .Select(u => new AnswerLink(u.Host + (u.AbsolutePath.Length > 1 ? u.AbsolutePath : string.Empty), u.AbsoluteUri))
            .ToList();

    /// <summary>Actions across items, in order, without repeats.</summary>
    public static IReadOnlyList<string> MergeActions(IEnumerable<AnswerItem> items, int max = 8) =>
        items.SelectMany(i => i.Actions).Distinct(StringComparer.OrdinalIgnoreCase).Take(max).ToList();
}
