using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// A cue for an intent: words in the (lower-case, spelling-corrected) question, an entity condition, or both. Scores
/// <see cref="Weight"/> per match of <see cref="Words"/> (once when <see cref="Once"/>), only where <see cref="When"/> holds.
/// </summary>
public sealed record IntentCue(Regex? Words, int Weight, Func<CueContext, bool>? When = null, bool Once = false)
{
    /// <summary>The score of this cue for a question.</summary>
    public int Score(CueContext context)
    {
        if (When is not null && !When(context)) return 0;
        if (Words is null) return Weight;
        var n = Words.Count(context.Prose);
        return n == 0 ? 0 : Weight * (Once ? 1 : n);
    }

    /// <summary>Words, scored per match.</summary>
    public static IntentCue Of(Regex words, int weight) => new(words, weight);
}

/// <summary>What a cue looks at: the question's words, its entities, and whether evidence was pasted.</summary>
public sealed record CueContext(string Prose, Entities Entities, bool HasEvidence);
