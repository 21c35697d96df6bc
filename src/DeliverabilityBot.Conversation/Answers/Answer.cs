namespace DeliverabilityBot.Conversation.Answers;

/// <summary>
/// The one answer model every channel renders (CLI text, web HTML, Teams, Slack). Built only from engine
/// output: every number and claim here comes from a query result, never from the conversation layer.
/// </summary>
public sealed class Answer
{
    /// <summary>The intent that produced it (<c>why</c>, <c>explain</c>, <c>actions</c>, <c>evidence</c>, <c>stats</c>, <c>rule</c>, <c>help</c>, <c>unknown</c>).</summary>
    public required string Intent { get; init; }

    /// <summary>One sentence: what is happening.</summary>
    public required string Headline { get; init; }

    /// <summary>What the answer is about, short, for titles: <c>iCloud · in the last 24h</c>; empty when there is none.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Key numbers, in display order.</summary>
    public IReadOnlyList<AnswerFigure> Figures { get; init; } = [];

    /// <summary>Findings or diagnoses, best first.</summary>
    public IReadOnlyList<AnswerItem> Items { get; init; } = [];

    /// <summary>Ordered actions across items (deduplicated).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Links (help pages, references).</summary>
    public IReadOnlyList<AnswerLink> Links { get; init; } = [];

    /// <summary>Suggested follow-up questions.</summary>
    public IReadOnlyList<string> FollowUps { get; init; } = [];
}

/// <summary>A labelled number.</summary>
public sealed record AnswerFigure(string Label, string Value);

/// <summary>A link with a title.</summary>
public sealed record AnswerLink(string Title, string Url);

/// <summary>One diagnosis or finding in an answer.</summary>
public sealed class AnswerItem
{
    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>Category (diagnosis category or rule category).</summary>
    public string? Category { get; init; }

    /// <summary>Confidence 0 to 1, when a diagnosis.</summary>
    public double? Confidence { get; init; }

    /// <summary>What it means.</summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Supporting numbers.</summary>
    public IReadOnlyList<AnswerFigure> Figures { get; init; } = [];

    /// <summary>Example replies (verbatim bounce text: renderers must escape it).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Actions for this item.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Rule ids that say so.</summary>
    public IReadOnlyList<string> RuleIds { get; init; } = [];

    /// <summary>Reference URLs.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}
