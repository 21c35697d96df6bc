using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"Why is iCloud deferring us?": the most likely cause first, then the ranked diagnoses with their numbers.</summary>
public sealed partial class WhyIntent : IntentHandler
{
    /// <summary>The most diagnoses listed.</summary>
    public const int MaxItems = 5;

    /// <inheritdoc />
    public override string Name => "why";

    /// <inheritdoc />
    public override int Precedence => 90;

    /// <inheritdoc />
    public override int HelpOrder => 10;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Diagnose";

    /// <inheritdoc />
    public override string HelpLine => "Why is icloud deferring us? · What's wrong with gmail today? · Any problems since Monday?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(WhyCue(), 2), IntentCue.Of(WhyWord(), 1)];

    /// <inheritdoc />
    public override BareQuestion AnswersBare(Entities e) =>
        e.Receiver is not null || e.Range is not null || e.Ip is not null || e.Domain is not null ? BareQuestion.FollowUp : BareQuestion.No;

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) =>
        ["What should we do?", "Show me examples", "How many per hour?", Composing.FollowUps.OtherReceiver(question)];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken) =>
        new(Build(question, await services.Queries.WhyAsync(question.Receiver, question.Window, cancellationToken)));

    /// <summary>Builds the answer from a report: the verdict and its numbers in one sentence, diagnoses after, actions once.</summary>
    public static Answer Build(Question q, WhyReport r)
    {
        var subject = $"{q.ReceiverName} · {q.RangeText}";
        if (r.Attempts == 0 && r.Diagnoses.Count == 0)
            return new Answer { Intent = "why", Subject = subject, Headline = Totals.NoData(q), FollowUps = ["How many bounces this week?", "Help"] };
        var items = r.Diagnoses.Take(MaxItems).Select(d => DiagnosisItems.From(d)).ToList();
        var top = r.Diagnoses.FirstOrDefault();
        var verdict = top is null ? "the rules drew no conclusion"
            : top.Category == "none" ? top.Title.TrimEnd('.')
            : $"most likely {top.Title.TrimEnd('.')}";
        return new Answer
        {
            Intent = "why",
            Subject = subject,
            Headline = $"{q.ReceiverName} {q.RangeText}: {verdict} ({Totals.Headline(r.Messages, r.Attempts, r.Delivered, r.Deferred, r.Bounced)}).",
            Blocks =
            [
                new FiguresBlock(Totals.Figures(q, r.Messages, r.Attempts, r.Delivered, r.Deferred, r.Bounced)),
                new FindingsBlock(items.Select(DiagnosisItems.WithoutActions).ToList()),
                new ActionsBlock(DiagnosisItems.MergeActions(items.Take(2))),
                new LinksBlock(DiagnosisItems.Links(r.Diagnoses.Take(2).SelectMany(d => d.References))),
            ],
        };
    }

    [GeneratedRegex(@"\b(?:what'?s wrong|what is wrong|what'?s (?:going on|happening|up)|what is (?:going on|happening)|problems?|issues?|trouble|deferr\w*|defer|delay(?:ed|ing|s)?|block(?:ed|ing|s)?|reject\w*|bounc(?:ed|ing|es)|throttl\w*|rate.?limit\w*|fail(?:ing|ed|ures?)?|not (?:delivering|getting through|arriving)|diagnos\w*|root cause|causes?|health|healthy|ok|okay|down|spam folder|junk|investigate|look into|going on|status)\b")]
    private static partial Regex WhyCue();

    [GeneratedRegex(@"\bwhy\b")]
    private static partial Regex WhyWord();
}
