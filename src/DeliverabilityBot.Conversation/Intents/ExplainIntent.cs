using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"What does this mean?": pasted evidence or a code, classified by the rules, finding by finding.</summary>
public sealed partial class ExplainIntent : IntentHandler
{
    /// <summary>The intent name.</summary>
    public const string IntentName = "explain";

    /// <summary>The most bounces explained from one paste.</summary>
    public const int MaxItems = 5;

    /// <inheritdoc />
    public override string Name => IntentName;

    /// <inheritdoc />
    public override int Precedence => 50;

    /// <inheritdoc />
    public override int HelpOrder => 50;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.PastedSubject;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["evidence", "code", "status", "bracketCode"];

    /// <inheritdoc />
    public override string HelpTitle => "Explain";

    /// <inheritdoc />
    public override string HelpLine => "Paste a bounce, a log line or a DSN · What does 421 4.7.0 mean? · What is [CS01]? · TSS04?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } =
    [
        IntentCue.Of(ExplainCue(), 3),
        new(null, 4, c => c.HasEvidence),
        new(CodeQuestion(), 3, c => !c.HasEvidence && c.Entities.HasCode, Once: true),
    ];

    /// <inheritdoc />
    public override BareQuestion AnswersBare(Entities entities) => entities.HasCode ? BareQuestion.Yes : BareQuestion.No;

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => Composing.FollowUps.ForExplain(question.Receiver);

    /// <inheritdoc />
    public override Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken) =>
        Task.FromResult(Explain(question, services.Queries));

    /// <summary>Explains the question's evidence, or the codes it names.</summary>
    public static Composed Explain(Question q, IDeliverabilityQueries queries)
    {
        var e = q.Entities;
        var text = q.Evidence ?? Entities.CodeText(e);
        var hint = e.Recipient ?? e.Domain ?? q.Receivers.Find(e.Receiver)?.Domains.FirstOrDefault();
        var classified = text.Length == 0 ? [] : queries.Explain(text, hint);
        var explained = classified.Where(c => c.Findings.Count > 0).Take(MaxItems).ToList();
        var items = explained.Select(c => Item(q.Receivers, c)).ToList();
        var rules = q.Evidence is null ? RulesForCodes(e, queries, explained) : [];
        items.AddRange(rules.Select(RuleIntent.Item));

        var primary = explained.FirstOrDefault();
        var subject = q.Evidence is null ? text : "pasted bounce";
        if (primary is null && rules.Count == 0)
            return new Composed(new Answer
            {
                Intent = IntentName,
                Subject = subject,
                Headline = q.Evidence is null && text.Length == 0
                    ? "Paste a bounce (the SMTP reply, a log line or the whole DSN) or name a code such as 421 4.7.0, 5.4.7 or [CS01], and I will explain it."
                    : $"No rule recognised {(q.Evidence is null ? text : "what you pasted")}; I cannot say more than its codes do.",
                FollowUps = Composing.FollowUps.Starters,
            });
        var headline = primary is null
            ? $"{text}: {rules[0].Title} ({rules[0].Id})" + (rules.Count > 1 ? $" and {rules.Count - 1} more rule(s)" : string.Empty)
            : Headline(q.Receivers, primary, explained.Count, classified.Count);
        return new Composed(new Answer
        {
            Intent = IntentName,
            Subject = subject,
            Headline = headline,
            // Each finding's actions appear once, in the merged list, not again under the finding.
            Blocks =
            [
                new FindingsBlock(items.Select(DiagnosisItems.WithoutActions).ToList()),
                new ActionsBlock(DiagnosisItems.MergeActions(items)),
                new LinksBlock(DiagnosisItems.Links(items.SelectMany(i => i.References))),
            ],
            FollowUps = Composing.FollowUps.ForExplain(primary?.Receiver),
        }, FocusRuleId: primary?.Primary?.RuleId ?? rules.FirstOrDefault()?.Id, FocusReceiver: primary?.Receiver is { } r && r != "unknown" ? r : null);
    }

    private static string Headline(ReceiverLexicon receivers, BounceClassification c, int explained, int total)
    {
        var who = c.Receiver == "unknown" ? "the receiver" : receivers.DisplayName(c.Receiver);
        var verdict = c.Event.Action switch
        {
            Core.Events.DeliveryAction.Delayed => $"Deferred by {who}",
            Core.Events.DeliveryAction.Delivered => $"Delivered to {who}",
            _ => c.Retryable ? $"Rejected by {who} (retryable)" : $"Rejected by {who}",
        };
        var more = total > 1 ? $" ({explained} of {total} bounces in the paste explained)" : string.Empty;
        return $"{verdict}: {c.Primary!.Message}{more}";
    }

    private static AnswerItem Item(ReceiverLexicon receivers, BounceClassification c)
    {
        var f = c.Primary!;
        var reply = c.Event.Reply;
        var figures = new List<AnswerFigure>
        {
            new("receiver", receivers.DisplayName(c.Receiver)),
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

    // A bare code ("[CS01]", "TSS04") rarely satisfies a rule's text condition: the rules that mention it say more.
    private static IReadOnlyList<RuleInfo> RulesForCodes(Entities e, IDeliverabilityQueries queries, List<BounceClassification> explained)
    {
        var already = explained.SelectMany(c => c.Findings).Select(f => f.RuleId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var term = e.BracketCode ?? (explained.Count == 0 ? e.Status ?? e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        if (term is null) return [];
        return queries.SearchRules(term, 5).Where(r => !already.Contains(r.Id)).Take(3).ToList();
    }

    [GeneratedRegex(@"\b(?:explain|meaning|what does (?:this|that|it) mean|what do(?:es)? .{0,40} mean|means?\?|decode|interpret|translate|what is this|what's this|whats this|this (?:bounce|error|reply|message|response|dsn|ndr)|got this|we got|getting this|received this)\b")]
    private static partial Regex ExplainCue();

    [GeneratedRegex(@"\b(?:what|what's|whats|mean|means|meaning|explain|is|does|about)\b")]
    private static partial Regex CodeQuestion();
}
