namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>Rows under named columns (per-IP rates, a comparison); cells are text, already formatted.</summary>
public sealed record TableBlock(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Rows.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) => this with
    {
        Title = Title is null ? null : map(Title),
        Rows = Rows.Select(r => (IReadOnlyList<string>)r.Select(map).ToList()).ToList(),
    };
}
