namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>Labelled numbers ("attempts: 2,000"), in display order.</summary>
public sealed record FiguresBlock(IReadOnlyList<AnswerFigure> Figures) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Figures.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Figures = Figures.Select(f => f.MapText(map)).ToList() };
}
