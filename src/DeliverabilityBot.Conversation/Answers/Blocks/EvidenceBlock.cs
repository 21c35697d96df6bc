namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>Verbatim replies or log lines (text from the outside world: renderers show it as code, escaped).</summary>
public sealed record EvidenceBlock(IReadOnlyList<string> Lines) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Lines.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Lines = Lines.Select(map).ToList() };
}
