using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"What is ICL1001?" / "which rules cover Proofpoint?": rule descriptors as written in the rule files.</summary>
public sealed partial class RuleIntent : IntentHandler
{
    /// <summary>The most rules listed for a search.</summary>
    public const int MaxRules = 8;

    /// <inheritdoc />
    public override string Name => "rule";

    /// <inheritdoc />
    public override int Precedence => 10;

    /// <inheritdoc />
    public override int HelpOrder => 60;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["rule"];

    /// <inheritdoc />
    public override string HelpTitle => "Rules";

    /// <inheritdoc />
    public override string HelpLine => "What is ICL1001? · Which rules cover proofpoint?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } =
    [
        IntentCue.Of(RuleCue(), 3),
        new(null, 2, c => c.Entities.RuleId is not null),
    ];

    /// <inheritdoc />
    public override Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var (q, queries) = (question, services.Queries);
        var e = q.Entities;
        if (e.RuleId is { } id && queries.FindRule(id) is { } rule)
            return Task.FromResult(new Composed(new Answer
            {
                Intent = Name,
                Subject = rule.Id,
                Headline = $"{rule.Id}: {rule.Title} ({rule.Severity.ToString().ToLowerInvariant()}, {rule.Category})",
                Blocks = [new FindingsBlock([Item(rule)]), new LinksBlock(DiagnosisItems.Links(Refs(rule)))],
                FollowUps = [$"Show me examples of {rule.Id}", "Which rules cover proofpoint?"],
            }, FocusRuleId: rule.Id));

        var term = e.RuleId ?? e.BracketCode ?? e.Status ?? e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                   ?? e.Receiver ?? Topic(q.Text);
        var found = term.Length == 0 ? [] : queries.SearchRules(term, MaxRules);
        var missing = e.RuleId is null ? string.Empty : $"There is no rule {e.RuleId}. ";
        return Task.FromResult(new Composed(new Answer
        {
            Intent = Name,
            Subject = term,
            Headline = found.Count == 0
                ? $"{missing}No rule mentions \"{term}\"."
                : $"{missing}{Numbers.Count(found.Count)} rule(s) mention \"{term}\": " + string.Join(", ", found.Select(r => r.Id)),
            Blocks = [new FindingsBlock(found.Select(Item).ToList())],
            FollowUps = found.Count > 0 ? [$"What is {found[0].Id}?", $"Show me examples of {found[0].Id}"] : Composing.FollowUps.Starters,
        }, FocusRuleId: found.Count == 1 ? found[0].Id : null));
    }

    /// <summary>A rule as an answer item; its examples are verbatim replies.</summary>
    public static AnswerItem Item(RuleInfo r) => new()
    {
        Title = $"{r.Id}: {r.Title}",
        Category = r.Category,
        Explanation = r.Explanation,
        Figures =
        [
            new("severity", r.Severity.ToString().ToLowerInvariant()),
            new("scope", r.Scope.ToString().ToLowerInvariant()),
            new("file", r.SourceFile),
        ],
        Evidence = r.Examples.Take(DiagnosisItems.ExamplesPerItem).ToList(),
        Actions = r.Actions,
        RuleIds = [r.Id],
        References = Refs(r).ToList(),
    };

    private static IEnumerable<string> Refs(RuleInfo r) =>
        (r.HelpUri is null ? r.References : r.References.Prepend(r.HelpUri)).Distinct(StringComparer.Ordinal);

    // "which rules cover dmarc" -> "dmarc": the words after the cue, without filler.
    private static string Topic(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '?', '!', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w)).ToList();
        return words.Count == 0 ? string.Empty : words[^1];
    }

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "which", "what", "rule", "rules", "cover", "covers", "for", "about", "match", "matches", "the", "a", "an", "is",
        "are", "do", "you", "have", "any", "there", "show", "me", "list", "all", "of", "on", "with", "mention", "mentions",
    };

    [GeneratedRegex(@"\b(?:rules?|which rule|what rule|rule ids?|descriptor|rules? (?:cover|for|about|match(?:es)?))\b")]
    private static partial Regex RuleCue();
}
