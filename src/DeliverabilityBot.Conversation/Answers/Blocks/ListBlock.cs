namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>Short lines of text under a title (help lines, guidance, names).</summary>
public sealed record ListBlock(IReadOnlyList<string> Lines) : AnswerBlock
{
    /// <summary>Whether the lines are numbered.</summary>
    public bool Ordered { get; init; }

    /// <inheritdoc />
    public override bool IsEmpty => Lines.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Lines = Lines.Select(map).ToList() };
}
