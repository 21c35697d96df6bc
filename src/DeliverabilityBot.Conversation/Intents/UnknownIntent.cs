using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Composing;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>Not understood: echo what was asked and list what can be asked.</summary>
public sealed class UnknownIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => IntentRegistry.Unknown;

    /// <inheritdoc />
    public override int Precedence => 1000;

    /// <inheritdoc />
    public override int HelpOrder => -1;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.KeepsState;

    /// <inheritdoc />
    public override string HelpTitle => "Not understood";

    /// <inheritdoc />
    public override string HelpLine => string.Empty;

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues => [];

    /// <inheritdoc />
    public override Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var shown = question.Text.Length > 120 ? question.Text[..120] + "…" : question.Text;
        return Task.FromResult(new Composed(new Answer
        {
            Intent = Name,
            Headline = $"I did not understand \"{shown}\"; here is what I can answer.",
            Blocks = [HelpIntent.Examples(services.Registry)],
        }));
    }
}
