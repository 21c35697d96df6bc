using DeliverabilityBot.Conversation.Intents;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Turns a chat message into an <see cref="Utterance"/>: strip channel markup, separate pasted evidence, correct
/// typos, extract entities, classify the intent over the registry's handlers. Offline and deterministic; thread-safe.
/// </summary>
public sealed class Understander(IntentRegistry registry)
{
    /// <summary>The longest message understood; longer input is cut here (pasted DSNs rarely come close).</summary>
    public const int MaxLength = 64 * 1024;

    private readonly IntentClassifier _classifier = new(registry);

    /// <summary>Understands one message; <paramref name="receivers"/> names the receivers it can be about.</summary>
    public Utterance Understand(string? text, ReceiverLexicon receivers)
    {
        var input = text is { Length: > MaxLength } ? text[..MaxLength] : text;
        var stripped = ChatMarkup.Strip(input);
        var (prose, evidence) = EvidenceDetector.Split(stripped);
        var corrected = SpellingCorrector.Correct(prose, receivers).Trim();
        var entities = EntityExtractor.Extract(prose, evidence, receivers);
        var (intent, contextOnly) = _classifier.Classify(corrected, entities, evidence is not null);
        return new Utterance(intent, entities, stripped.Text, evidence, contextOnly);
    }
}
