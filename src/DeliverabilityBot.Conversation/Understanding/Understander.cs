namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Turns a chat message into an <see cref="Utterance"/>: strip channel markup, separate pasted evidence, correct
/// typos, extract entities, classify the intent. Offline and deterministic; thread-safe.
/// </summary>
public static class Understander
{
    /// <summary>The longest message understood; longer input is cut here (pasted DSNs rarely come close).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Understands one message.</summary>
    public static Utterance Understand(string? text)
    {
        var input = text is { Length: > MaxLength } ? text[..MaxLength] : text;
        var stripped = ChatMarkup.Strip(input);
        var (prose, evidence) = EvidenceDetector.Split(stripped);
        var corrected = SpellingCorrector.Correct(prose).Trim();
        var entities = EntityExtractor.Extract(prose, evidence);
        var (intent, contextOnly) = IntentClassifier.Classify(corrected, entities, evidence is not null);
        return new Utterance(intent, entities, stripped.Text, evidence, contextOnly);
    }
}
