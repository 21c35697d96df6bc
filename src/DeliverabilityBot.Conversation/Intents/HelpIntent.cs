using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"Help": what can be asked (every intent's help line) and what data the answers come from.</summary>
public sealed partial class HelpIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "help";

    /// <inheritdoc />
    public override int Precedence => 0;

    /// <inheritdoc />
    public override int HelpOrder => -1;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.KeepsState;

    /// <inheritdoc />
    public override string HelpTitle => "Help";

    /// <inheritdoc />
    public override string HelpLine => "help";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } =
    [
        // "help" alone, or nothing but punctuation (an empty message), outweighs every other cue.
        new(BareHelp(), 100, Once: true),
        new(Empty(), 100, c => !c.HasEvidence, Once: true),
        IntentCue.Of(HelpCue(), 3),
    ];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var latest = await services.Queries.LatestEventAsync(cancellationToken);
        return new Composed(new Answer
        {
            Intent = Name,
            Headline = "I answer questions about your mail delivery from the bounces and logs in the store, and explain any bounce you paste.",
            Blocks =
            [
                new FiguresBlock([new AnswerFigure("newest stored event", latest is { } t ? Numbers.Time(t) : "none yet: ingest a log with `dbot ingest PATH`, or start the server with --demo")]),
                Examples(services.Registry),
            ],
        });
    }

    /// <summary>One line per intent: its title and example questions, in help order.</summary>
    public static ListBlock Examples(IntentRegistry registry) => new(
        registry.Handlers.Where(h => h.HelpOrder >= 0).OrderBy(h => h.HelpOrder).Select(h => $"{h.HelpTitle}: {h.HelpLine}").ToList())
    {
        Title = "You can ask",
    };

    // Punctuation around the word does not change it ("...help!", "(help)"): found by the case/punctuation property.
    [GeneratedRegex(@"^[\s\p{P}]*(?:help|\?+|h|hi|hello|hey|start|menu|commands?|usage|what can you do|help me|/help)[\s\p{P}]*$")]
    private static partial Regex BareHelp();

    [GeneratedRegex(@"^[\s\p{P}]*$")]
    private static partial Regex Empty();

    [GeneratedRegex(@"\b(?:what can you (?:do|answer)|what do you (?:know|do)|how do i use|how does this work|how to use|who are you|what are you|which questions|what (?:can|should) i ask|commands|usage|getting started)\b")]
    private static partial Regex HelpCue();
}
