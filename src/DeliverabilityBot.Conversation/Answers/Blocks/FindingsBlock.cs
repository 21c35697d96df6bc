namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>Diagnoses, findings or rules, best first, each with its own figures, evidence and actions.</summary>
public sealed record FindingsBlock(IReadOnlyList<AnswerItem> Items) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Items.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Items = Items.Select(i => i.MapText(map)).ToList() };
}
