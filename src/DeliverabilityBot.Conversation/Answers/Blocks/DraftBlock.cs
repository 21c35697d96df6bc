namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>A ready-to-send message (an escalation email or a form's text): recipient, subject and body, verbatim.</summary>
/// <param name="To">Where it goes: an address or a form's URL.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The body, plain text with line breaks.</param>
public sealed record DraftBlock(string To, string Subject, string Body) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Body.Length == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Subject = map(Subject), Body = map(Body) };
}
