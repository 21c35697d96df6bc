using System.Text.RegularExpressions;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Corrects typos in the few words the understanding depends on ("icluod", "exmaples", "shoudl", "deferrring").
/// Conservative on purpose: a word is corrected only to a target with the same first letter, within one edit
/// (two for words of eight letters or more), and never when it is itself a common word ("email", "slow", "apply").
/// </summary>
public static partial class SpellingCorrector
{
    private static readonly string[] Targets =
    [
        // intents
        "example", "examples", "sample", "samples", "evidence", "explain", "meaning", "should", "recommend",
        "deferring", "deferred", "deferral", "deferrals", "rejecting", "rejected", "rejection", "rejections",
        "blocking", "blocked", "bouncing", "bounces", "bounced", "throttling", "throttled", "statistics",
        "happening", "problem", "problems", "what", "show", "many", "much", "why",
        "which", "when", "domain", "domains", "sender", "senders", "affected", "started", "expire", "timeline", "suppress",
        "suppressed", "escalate", "blocklist", "blocklists", "blacklist", "blacklists", "check", "dmarc",
    ];

    private static readonly HashSet<string> Protected = new(StringComparer.Ordinal)
    {
        "email", "emails", "mail", "mails", "gmail", "slow", "shows", "shown", "what's", "when", "whom", "wait",
        "many", "much", "mush", "apply", "apple", "cloud", "clouds", "should", "shoulder", "would", "could",
        "sample", "simple", "problem", "deferred", "referred", "rejected", "ejected", "bounced", "bounce",
        "bouncy", "block", "blocks", "locked", "blocked", "defer", "differ", "offer", "refer", "outlook",
        "example", "examples", "happen", "happened", "google", "goggles", "yahoos", "hotmail", "evidence",
        "meaning", "mean", "means", "explain", "explains", "show", "shot", "shop", "why", "who", "whys",
        "stats", "state", "status", "static", "station", "statics", "mime", "proof", "point", "recommend",
        "comment", "commend", "sharp", "shape", "where", "whats", "mathematics",
    };

    /// <summary>
    /// Returns <paramref name="text"/> (lower case) with typos of known words corrected: the intent words, and the
    /// receiver names of <paramref name="receivers"/> safe to correct towards (<see cref="ReceiverLexicon.FuzzyNames"/>).
    /// </summary>
    public static string Correct(string text, ReceiverLexicon receivers) =>
        Word().Replace(text.ToLowerInvariant(), m => CorrectWord(m.Value, receivers.FuzzyNames));

    /// <summary>The correction for one lower-case word (towards the intent words and <paramref name="receiverNames"/>), or the word itself.</summary>
    public static string CorrectWord(string word, IReadOnlyList<string> receiverNames)
    {
        if (word.Length < 3 || Protected.Contains(word) || Array.IndexOf(Targets, word) >= 0 || receiverNames.Contains(word)) return word;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var target in Targets.Concat(receiverNames))
        {
            if (target[0] != word[0]) continue;
            var max = MaxEdits(target);
            if (max == 0) continue;
            var d = EditDistance.Compute(word, target, max);
            if (d <= max && d < bestDistance) (best, bestDistance) = (target, d);
        }
        return best ?? word;
    }

    // Short words only tolerate a swap of two letters ("waht", "hwy" excluded by first letter); longer ones one or two edits.
    private static int MaxEdits(string target) => target.Length switch
    {
        <= 3 => 0,
        4 => 1,
        < 8 => 1,
        _ => 2,
    };

    [GeneratedRegex(@"[a-z][a-z']*[a-z]")]
    private static partial Regex Word();
}
