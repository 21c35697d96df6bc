using DeliverabilityBot.Conversation.Intents;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Decides the intent from the words of a question (lower case, spelling corrected), its entities and whether
/// evidence was pasted: each handler's cues are scored, the best wins, ties go to the lower precedence. Deterministic.
/// </summary>
public sealed class IntentClassifier(IntentRegistry registry)
{
    /// <summary>The intent, and whether the question carried no intent words of its own (a follow-up such as "and gmail?").</summary>
    public (string Intent, bool ContextOnly) Classify(string prose, Entities entities, bool hasEvidence)
    {
        var context = new CueContext(prose, entities, hasEvidence);
        string? best = null;
        var bestScore = 0;
        foreach (var handler in registry.Handlers)
        {
            var score = handler.Cues.Sum(c => c.Score(context));
            if (score > bestScore) (best, bestScore) = (handler.Name, score);
        }
        if (best is not null) return (best, false);
        foreach (var handler in registry.Handlers)
        {
            switch (handler.AnswersBare(entities))
            {
                case BareQuestion.Yes: return (handler.Name, false);
                case BareQuestion.FollowUp: return (handler.Name, true);
            }
        }
        return (IntentRegistry.Unknown, false);
    }
}
