using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>
/// Applies conversation context to an utterance: "what should we do?" keeps the receiver and window of the
/// question before, "and gmail?" repeats the previous intent for another receiver, "show me examples" after an
/// explained bounce shows bounces its rule matched.
/// </summary>
public static partial class TurnResolver
{
    private static readonly HashSet<string> TrafficIntents = new(StringComparer.Ordinal)
        { Intents.Why, Intents.Actions, Intents.Evidence, Intents.Stats };

    /// <summary>The intent, entities, range and subject to answer, before the window is anchored.</summary>
    public static Question Resolve(Utterance u, ConversationState? state)
    {
        var e = u.Entities;
        var intent = u.Intent;
        if (u.ContextOnly && state?.Intent is { } last && TrafficIntents.Contains(last)) intent = last;

        var askedForAll = AllReceivers().IsMatch(u.Text);
        var carry = state is not null && intent != Intents.Help && intent != Intents.Unknown;
        // Only questions about traffic inherit the receiver and window; an explained code or a rule stands alone.
        var traffic = TrafficIntents.Contains(intent);
        var receiver = e.Receiver ?? (askedForAll || !carry || !traffic ? null : state!.Receiver);
        var range = e.Range ?? (carry && traffic && state!.Range is { } r ? TimeRangeParser.Find(r) : null) ?? TimeRange.Default;

        // The subject: newly pasted evidence or codes; else what was explained last, for actions and examples.
        string? evidence = u.Evidence;
        var subjectIsEvidence = evidence is not null || (intent == Intents.Explain && e.HasCode);
        var ruleId = e.RuleId;
        if (!subjectIsEvidence && carry && e.Receiver is null && !askedForAll && state!.SubjectIsEvidence)
        {
            if (intent == Intents.Actions || (intent == Intents.Explain && !e.HasCode))
            {
                evidence = state.Evidence;
                subjectIsEvidence = evidence is not null;
            }
            if (intent == Intents.Evidence) ruleId ??= state.RuleId;
        }
        if (intent == Intents.Evidence && carry && state!.Intent == Intents.Rule) ruleId ??= state.RuleId;

        return new Question
        {
            Intent = intent,
            Entities = e with { Receiver = receiver, Range = traffic ? range : e.Range, RuleId = ruleId },
            Range = range,
            Window = range.Resolve(DateTimeOffset.UnixEpoch), // anchored later by the chat bot
            Evidence = evidence,
            SubjectIsEvidence = subjectIsEvidence,
            Text = u.Text,
        };
    }

    /// <summary>The state after answering <paramref name="q"/>.</summary>
    public static ConversationState Next(ConversationState? state, Question q, Composed composed, DateTimeOffset now)
    {
        var evidence = q.SubjectIsEvidence ? q.Evidence ?? ExplainComposer.CodeText(q.Entities) : state?.Evidence;
        if (evidence is { Length: > ConversationState.MaxEvidenceLength }) evidence = evidence[..ConversationState.MaxEvidenceLength];
        var keepsSubject = q.Intent is Intents.Help or Intents.Unknown;
        return new ConversationState
        {
            Intent = keepsSubject ? state?.Intent : q.Intent,
            Receiver = keepsSubject ? state?.Receiver : q.SubjectIsEvidence ? composed.FocusReceiver ?? q.Receiver : q.Receiver,
            Range = keepsSubject ? state?.Range : q.Range.ToString(),
            RuleId = composed.FocusRuleId ?? (keepsSubject || q.Intent == Intents.Evidence ? state?.RuleId : null),
            Evidence = evidence,
            SubjectIsEvidence = keepsSubject ? state?.SubjectIsEvidence ?? false : q.SubjectIsEvidence,
            Turns = (state?.Turns ?? 0) + 1,
            UpdatedAt = now,
        };
    }

    [GeneratedRegex(@"\b(?:all receivers|all providers|all domains|everyone|everybody|everything|overall|in general|in total|across the board|all of them|every receiver)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllReceivers();
}
