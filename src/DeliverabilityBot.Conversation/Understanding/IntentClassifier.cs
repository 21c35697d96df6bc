using System.Text.RegularExpressions;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Decides the intent from the words of a question (lower case, spelling corrected), its entities and whether
/// evidence was pasted. Deterministic: scored cue phrases per intent, then a fixed precedence for ties.
/// </summary>
public static partial class IntentClassifier
{
    private static readonly (string Intent, Regex Cue, int Weight)[] Cues =
    [
        (Intents.Help, HelpCue(), 3),
        (Intents.Actions, ActionsCue(), 3),
        (Intents.Evidence, EvidenceCue(), 3),
        (Intents.Stats, StatsCue(), 3),
        (Intents.Rule, RuleCue(), 3),
        (Intents.Explain, ExplainCue(), 3),
        (Intents.Why, WhyCue(), 2),
        (Intents.Why, WhyWord(), 1),
    ];

    // On equal scores the more specific request wins.
    private static readonly string[] Precedence =
        [Intents.Help, Intents.Rule, Intents.Evidence, Intents.Actions, Intents.Stats, Intents.Explain, Intents.Why];

    /// <summary>The intent, and whether the question carried no intent words of its own (a follow-up such as "and gmail?").</summary>
    public static (string Intent, bool ContextOnly) Classify(string prose, Entities entities, bool hasEvidence)
    {
        // Nothing but punctuation is an empty message ("." or "'"), found by the case/punctuation property.
        if (!hasEvidence && prose.All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c))) return (Intents.Help, false);
        if (BareHelp().IsMatch(prose)) return (Intents.Help, false);

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (intent, cue, weight) in Cues)
        {
            var n = cue.Count(prose);
            if (n > 0) scores[intent] = scores.GetValueOrDefault(intent) + weight * n;
        }
        if (entities.RuleId is not null) scores[Intents.Rule] = scores.GetValueOrDefault(Intents.Rule) + 2;
        if (hasEvidence) scores[Intents.Explain] = scores.GetValueOrDefault(Intents.Explain) + 4;
        else if (entities.HasCode && CodeQuestion().IsMatch(prose)) scores[Intents.Explain] = scores.GetValueOrDefault(Intents.Explain) + 3;

        if (scores.Count == 0)
        {
            if (entities.HasCode) return (Intents.Explain, false);
            return entities.Receiver is not null || entities.Range is not null || entities.Ip is not null || entities.Domain is not null
                ? (Intents.Why, true)
                : (Intents.Unknown, false);
        }
        var best = scores.Max(kv => kv.Value);
        return (Precedence.First(i => scores.GetValueOrDefault(i) == best), false);
    }

    // Punctuation around the word does not change it ("...help!", "(help)"): found by the case/punctuation property.
    [GeneratedRegex(@"^[\s\p{P}]*(?:help|\?+|h|hi|hello|hey|start|menu|commands?|usage|what can you do|help me|/help)[\s\p{P}]*$")]
    private static partial Regex BareHelp();

    [GeneratedRegex(@"\b(?:what can you (?:do|answer)|what do you (?:know|do)|how do i use|how does this work|how to use|who are you|what are you|which questions|what (?:can|should) i ask|commands|usage|getting started)\b")]
    private static partial Regex HelpCue();

    [GeneratedRegex(@"\b(?:what (?:should|shall|can|do|must|would) (?:we|i|you) do|what to do|what now|what next|next steps?|how (?:do|can|should|would) (?:we|i) (?:fix|solve|stop|resolve|get|handle|deal|improve|recover)|how to (?:fix|solve|stop|resolve|get|handle|deal|improve|recover)|fix (?:it|this|that|them)|remediat\w*|recommend\w*|advi[cs]e|suggest\w*|get (?:unblocked|delisted|off)|delist\w*|unblock\w*|mitigat\w*|actions?|to-?do|solutions?|steps|what do you suggest|any ideas)\b")]
    private static partial Regex ActionsCue();

    [GeneratedRegex(@"\b(?:examples?|samples?|evidence|show (?:me )?(?:the |some |a few )?(?:bounces|replies|errors|messages|lines|logs|raw|failures|deferrals|rejections|examples?)|which (?:bounces|messages|emails|mails|recipients|replies|addresses)|list (?:the |of )?(?:bounces|deferrals|failures|replies)|raw (?:replies|logs|bounces|lines)|log lines|actual (?:replies|errors|bounces)|proof)\b")]
    private static partial Regex EvidenceCue();

    [GeneratedRegex(@"\b(?:how many|how much|how bad|count|counts|number of|numbers|stats|statistics|rates?|percent(?:age)?s?|trends?|trending|volume|breakdown|by hour|per hour|hourly|by ip|per ip|by reason|totals?|graph|chart|over time|compared?|comparison|figures|metrics|delivered|delivery rate)\b")]
    private static partial Regex StatsCue();

    [GeneratedRegex(@"\b(?:rules?|which rule|what rule|rule ids?|descriptor|rules? (?:cover|for|about|match(?:es)?))\b")]
    private static partial Regex RuleCue();

    [GeneratedRegex(@"\b(?:explain|meaning|what does (?:this|that|it) mean|what do(?:es)? .{0,40} mean|means?\?|decode|interpret|translate|what is this|what's this|whats this|this (?:bounce|error|reply|message|response|dsn|ndr)|got this|we got|getting this|received this)\b")]
    private static partial Regex ExplainCue();

    [GeneratedRegex(@"\b(?:what'?s wrong|what is wrong|what'?s (?:going on|happening|up)|what is (?:going on|happening)|problems?|issues?|trouble|deferr\w*|defer|delay(?:ed|ing|s)?|block(?:ed|ing|s)?|reject\w*|bounc(?:ed|ing|es)|throttl\w*|rate.?limit\w*|fail(?:ing|ed|ures?)?|not (?:delivering|getting through|arriving)|diagnos\w*|root cause|causes?|health|healthy|ok|okay|down|spam folder|junk|investigate|look into|going on|status)\b")]
    private static partial Regex WhyCue();

    [GeneratedRegex(@"\bwhy\b")]
    private static partial Regex WhyWord();

    [GeneratedRegex(@"\b(?:what|what's|whats|mean|means|meaning|explain|is|does|about)\b")]
    private static partial Regex CodeQuestion();
}
