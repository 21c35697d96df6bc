namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>Links (help pages, references, contact forms); renderers keep only http(s) URLs.</summary>
public sealed record LinksBlock(IReadOnlyList<AnswerLink> Links) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Links.Count == 0;

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Links = Links.Select(l => new AnswerLink(map(l.Title), map(l.Url))).ToList() };
}
