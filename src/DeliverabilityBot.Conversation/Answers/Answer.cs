using System.Text.Json.Serialization;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Answers;

/// <summary>
/// The one answer model every channel renders (CLI text, web HTML, Teams, Slack): a one-sentence headline that
/// answers the question, then blocks with the details. Built only from engine output: every number and claim comes
/// from a query result, never from the conversation layer.
/// </summary>
public sealed class Answer
{
    private readonly IReadOnlyList<AnswerBlock> _blocks = [];

    /// <summary>The intent that produced it (the handler's name, e.g. <c>why</c>).</summary>
    public required string Intent { get; init; }

    /// <summary>The direct answer, one sentence.</summary>
    public required string Headline { get; init; }

    /// <summary>What the answer is about, short, for titles: <c>iCloud · in the last 24h</c>; empty when there is none.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>The details, in display order; empty blocks are dropped.</summary>
    public IReadOnlyList<AnswerBlock> Blocks
    {
        get => _blocks;
        init => _blocks = value.Where(b => !b.IsEmpty).ToList();
    }

    /// <summary>Suggested follow-up questions.</summary>
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>Every figure of the figures blocks, in order (a view for tests and summaries).</summary>
    [JsonIgnore]
    public IReadOnlyList<AnswerFigure> Figures => Blocks.OfType<FiguresBlock>().SelectMany(b => b.Figures).ToList();

    /// <summary>Every finding of the findings blocks, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<AnswerItem> Items => Blocks.OfType<FindingsBlock>().SelectMany(b => b.Items).ToList();

    /// <summary>Every action of the actions blocks, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Actions => Blocks.OfType<ActionsBlock>().SelectMany(b => b.Actions).ToList();

    /// <summary>Every link of the links blocks, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<AnswerLink> Links => Blocks.OfType<LinksBlock>().SelectMany(b => b.Links).ToList();

    /// <summary>A copy with other follow-ups.</summary>
    public Answer WithFollowUps(IReadOnlyList<string> followUps) =>
        new() { Intent = Intent, Headline = Headline, Subject = Subject, Blocks = Blocks, FollowUps = followUps };

    /// <summary>A copy with each block passed through <paramref name="map"/> (a channel attaching its drawn charts, say).</summary>
    public Answer MapBlocks(Func<AnswerBlock, AnswerBlock> map) =>
        new() { Intent = Intent, Headline = Headline, Subject = Subject, Blocks = Blocks.Select(map).ToList(), FollowUps = FollowUps };

    /// <summary>The blocks of one kind.</summary>
    public IEnumerable<T> BlocksOf<T>() where T : AnswerBlock => Blocks.OfType<T>();
}

/// <summary>A labelled number.</summary>
public sealed record AnswerFigure(string Label, string Value)
{
    /// <summary>A copy with both texts mapped.</summary>
    public AnswerFigure MapText(Func<string, string> map) => new(map(Label), map(Value));
}

/// <summary>A link with a title.</summary>
public sealed record AnswerLink(string Title, string Url);

/// <summary>One diagnosis, finding or rule in a <see cref="FindingsBlock"/>.</summary>
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

    /// <summary>A copy with every human-readable text mapped (rule ids and categories are kept).</summary>
    public AnswerItem MapText(Func<string, string> map) => new()
    {
        Title = map(Title),
        Category = Category,
        Confidence = Confidence,
        Explanation = map(Explanation),
        Figures = Figures.Select(f => f.MapText(map)).ToList(),
        Evidence = Evidence.Select(map).ToList(),
        Actions = Actions.Select(map).ToList(),
        RuleIds = RuleIds,
        References = References.Select(map).ToList(),
    };
}
