using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>The defaults most handlers share: stands alone, needs nothing, no bare questions, no follow-ups.</summary>
public abstract class IntentHandler : IIntentHandler
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<IntentCue> Cues { get; }

    /// <inheritdoc />
    public abstract int Precedence { get; }

    /// <inheritdoc />
    public virtual IntentAnchoring Anchoring => IntentAnchoring.None;

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Needs => [];

    /// <inheritdoc />
    public virtual int HelpOrder => Precedence;

    /// <inheritdoc />
    public abstract string HelpTitle { get; }

    /// <inheritdoc />
    public abstract string HelpLine { get; }

    /// <inheritdoc />
    public virtual BareQuestion AnswersBare(Entities entities) => BareQuestion.No;

    /// <inheritdoc />
    public virtual IReadOnlyList<string> FollowUps(Question question) => Composing.FollowUps.Starters;

    /// <inheritdoc />
    public abstract Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken);
}
