namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>What to do, in order, without repeats (rendered as "What to do" unless titled otherwise).</summary>
public sealed record ActionsBlock(IReadOnlyList<string> Actions) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Actions.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Actions = Actions.Select(map).ToList() };
}
