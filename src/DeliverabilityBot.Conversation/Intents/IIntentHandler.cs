using DeliverabilityBot.Conversation.Composing;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// One intent, whole: the words that cue it, the entities it needs, how it takes context from the conversation, how it
/// composes its answer, its help line and its follow-ups. Handlers in this assembly are discovered (see
/// <see cref="IntentRegistry"/>), so a new intent is its handler file and its tests.
/// </summary>
public interface IIntentHandler
{
    /// <summary>The intent's name: the <c>intent</c> value of <c>/api/chat</c> and <c>dbot ask --json</c>.</summary>
    string Name { get; }

    /// <summary>What in a question points at this intent, with weights.</summary>
    IReadOnlyList<IntentCue> Cues { get; }

    /// <summary>On equal scores the lower precedence wins (the more specific request).</summary>
    int Precedence { get; }

    /// <summary>How the intent takes the receiver, window and subject from the conversation.</summary>
    IntentAnchoring Anchoring { get; }

    /// <summary>The entity keys the answer depends on (documentation and help; the composer says what is missing).</summary>
    IReadOnlyList<string> Needs { get; }

    /// <summary>Where the intent appears in help (lower first); negative hides it.</summary>
    int HelpOrder { get; }

    /// <summary>The help line's title ("Diagnose").</summary>
    string HelpTitle { get; }

    /// <summary>Example questions for help, separated by " · ".</summary>
    string HelpLine { get; }

    /// <summary>
    /// Whether a question with no cue words at all but these entities is this intent ("421 4.7.0" is explain, "and gmail?"
    /// repeats a traffic question); the registry asks handlers in precedence order.
    /// </summary>
    BareQuestion AnswersBare(Understanding.Entities entities);

    /// <summary>Suggested next questions after this intent's answer.</summary>
    IReadOnlyList<string> FollowUps(Question question);

    /// <summary>Composes the answer from the queries only.</summary>
    Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken);
}

/// <summary>How a handler takes a question that has entities but no cue words.</summary>
public enum BareQuestion
{
    /// <summary>Not this intent.</summary>
    No,

    /// <summary>This intent.</summary>
    Yes,

    /// <summary>A follow-up: the conversation's previous traffic intent applies when there is one, else this one.</summary>
    FollowUp,
}
