using System.Text.Json.Serialization;

namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>
/// One part of an <see cref="Answer"/> after its headline. Every renderer (text, HTML, Teams, Slack, CLI) renders
/// each kind generically, so an intent composes blocks and never formats for a channel. Serialised with a
/// <c>kind</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FiguresBlock), "figures")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(FindingsBlock), "findings")]
[JsonDerivedType(typeof(EvidenceBlock), "evidence")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DraftBlock), "draft")]
[JsonDerivedType(typeof(ChartBlock), "chart")]
[JsonDerivedType(typeof(LinksBlock), "links")]
[JsonDerivedType(typeof(FileBlock), "file")]
public abstract record AnswerBlock
{
    /// <summary>An optional heading shown above the block.</summary>
    public string? Title { get; init; }

    /// <summary>True when the block has nothing to show (answers drop such blocks).</summary>
    [JsonIgnore]
    public abstract bool IsEmpty { get; }

    /// <summary>A copy with every human-readable text passed through <paramref name="map"/> (masking addresses).</summary>
    public abstract AnswerBlock MapText(Func<string, string> map);
}
