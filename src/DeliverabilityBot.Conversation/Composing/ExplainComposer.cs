using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>"What does this mean?": pasted evidence or a code, classified by the rules, finding by finding.</summary>
public static class ExplainComposer
{
    /// <summary>The most bounces explained from one paste.</summary>
    public const int MaxItems = 5;

    /// <summary>Composes the answer (synchronous underneath: classification needs no store).</summary>
    public static Task<Composed> ComposeAsync(Question q, IDeliverabilityQueries queries, CancellationToken ct) =>
        Task.FromResult(Explain(q, queries));

    /// <summary>Explains the question's evidence, or the codes it names.</summary>
    public static Composed Explain(Question q, IDeliverabilityQueries queries)
    {
        var e = q.Entities;
        var text = q.Evidence ?? CodeText(e);
        var hint = e.Recipient ?? e.Domain ?? ReceiverLexicon.Find(e.Receiver)?.Domains[0];
        var classified = text.Length == 0 ? [] : queries.Explain(text, hint);
        var explained = classified.Where(c => c.Findings.Count > 0).Take(MaxItems).ToList();
        var items = explained.Select(Item).ToList();
        var rules = q.Evidence is null ? RulesForCodes(e, queries, explained) : [];
        items.AddRange(rules.Select(RuleComposer.Item));

        var primary = explained.FirstOrDefault();
        var subject = q.Evidence is null ? text : "pasted bounce";
        if (primary is null && rules.Count == 0)
            return new Composed(new Answer
            {
                Intent = Intents.Explain,
                Subject = subject,
                Headline = q.Evidence is null && text.Length == 0
                    ? "Paste a bounce (the SMTP reply, a log line or the whole DSN) or name a code such as 421 4.7.0, 5.4.7 or [CS01], and I will explain it."
                    : $"No rule recognised {(q.Evidence is null ? text : "what you pasted")}; I cannot say more than its codes do.",
                FollowUps = FollowUps.Starters,
            });
        var headline = primary is null
            ? $"{text}: {rules[0].Title} ({rules[0].Id})" + (rules.Count > 1 ? $" and {rules.Count - 1} more rule(s)" : string.Empty)
            : Headline(primary, explained.Count, classified.Count);
        return new Composed(new Answer
        {
            Intent = Intents.Explain,
            Subject = subject,
            Headline = headline,
            Items = items,
            Actions = DiagnosisItems.MergeActions(items),
            Links = DiagnosisItems.Links(items.SelectMany(i => i.References)),
            FollowUps = FollowUps.ForExplain(primary?.Receiver),
        }, FocusRuleId: primary?.Primary?.RuleId ?? rules.FirstOrDefault()?.Id, FocusReceiver: primary?.Receiver is { } r && r != "unknown" ? r : null);
    }

    private static string Headline(BounceClassification c, int explained, int total)
    {
        var who = c.Receiver == "unknown" ? "the receiver" : ReceiverLexicon.DisplayName(c.Receiver);
        var verdict = c.Event.Action switch
        {
            Core.Events.DeliveryAction.Delayed => $"Deferred by {who}",
            Core.Events.DeliveryAction.Delivered => $"Delivered to {who}",
            _ => c.Retryable ? $"Rejected by {who} (retryable)" : $"Rejected by {who}",
        };
        var more = total > 1 ? $" ({explained} of {total} bounces in the paste explained)" : string.Empty;
        return $"{verdict}: {c.Primary!.Message}{more}";
    }

    private static AnswerItem Item(BounceClassification c)
    {
        var f = c.Primary!;
        var reply = c.Event.Reply;
        var figures = new List<AnswerFigure>
        {
            new("receiver", ReceiverLexicon.DisplayName(c.Receiver)),
            new("reason", c.Reason),
        };
        if (c.Filter is not null) figures.Add(new AnswerFigure("filter", c.Filter));
        if (reply.Code is { } code) figures.Add(new AnswerFigure("reply code", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if ((reply.Status ?? c.Event.DsnStatus) is { } status) figures.Add(new AnswerFigure("status", status.ToString()));
        figures.Add(new AnswerFigure("retryable", c.Retryable ? "yes" : "no"));
        figures.Add(new AnswerFigure("hard bounce", c.HardBounce ? "yes (suppress the address)" : "no (keep the address)"));
        if (c.Event.Recipient is { } rcpt) figures.Add(new AnswerFigure("recipient", rcpt));
        return new AnswerItem
        {
            Title = f.Title,
            Category = f.Category,
            Explanation = f.Explanation,
            Figures = figures,
            Evidence = reply.Raw.Length > 0 ? [reply.Raw] : [],
            Actions = RemovalAdvice.Actions(c).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            RuleIds = c.Findings.Select(x => x.RuleId).ToList(),
            References = c.Findings.SelectMany(x => x.References).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>"421 4.7.0 [CS01]" from the named codes, or empty.</summary>
    public static string CodeText(Entities e) =>
        string.Join(' ', new[] { e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Status, e.BracketCode is null ? null : $"[{e.BracketCode}]" }
            .Where(p => p is not null));

    // A bare code ("[CS01]", "TSS04") rarely satisfies a rule's text condition: the rules that mention it say more.
    private static IReadOnlyList<RuleInfo> RulesForCodes(Entities e, IDeliverabilityQueries queries, List<BounceClassification> explained)
    {
        var already = explained.SelectMany(c => c.Findings).Select(f => f.RuleId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var term = e.BracketCode ?? (explained.Count == 0 ? e.Status ?? e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        if (term is null) return [];
        return queries.SearchRules(term, 5).Where(r => !already.Contains(r.Id)).Take(3).ToList();
    }
}
