using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>
/// Applies conversation context to an utterance as each intent's <see cref="IntentAnchoring"/> says: "what should we
/// do?" keeps the receiver and window of the question before, "and gmail?" repeats the previous intent for another
/// receiver, "show me examples" after an explained bounce shows bounces its rule matched. A time window sticks only
/// when the next question refers to it: a follow-up on the same subject, a bare "and gmail?", or words such as "then".
/// </summary>
public static partial class TurnResolver
{
    /// <summary>The intent, entities, range and subject to answer, before the window is anchored.</summary>
    public static Question Resolve(Utterance u, ConversationState? state, IntentRegistry registry)
    {
        var e = u.Entities;
        var intent = u.Intent;
        if (u.ContextOnly && state?.Intent is { } last && registry.Contains(last) && registry[last].Anchoring.HasFlag(IntentAnchoring.Traffic)) intent = last;
        var anchoring = registry[intent].Anchoring;

        var askedForAll = AllReceivers().IsMatch(u.Text);
        var carry = state is not null && !anchoring.HasFlag(IntentAnchoring.KeepsState);
        // Only questions about traffic inherit the receiver; an explained code or a rule stands alone.
        var traffic = anchoring.HasFlag(IntentAnchoring.Traffic);
        var receiver = e.Receiver ?? (askedForAll || !carry || !traffic ? null : state!.Receiver);
        var windowSticks = u.ContextOnly || anchoring.HasFlag(IntentAnchoring.FollowsSubject) || RefersBack().IsMatch(u.Text);
        var range = e.Range ?? (carry && traffic && windowSticks && state!.Range is { } r ? TimeRangeParser.Find(r) : null) ?? TimeRange.Default;

        // The subject: newly pasted evidence or codes; else what was explained last, for actions and examples.
        string? evidence = u.Evidence;
        var pasted = anchoring.HasFlag(IntentAnchoring.PastedSubject);
        var subjectIsEvidence = evidence is not null || (pasted && !traffic && e.HasCode);
        var ruleId = e.RuleId;
        if (!subjectIsEvidence && carry && e.Receiver is null && !askedForAll && state!.SubjectIsEvidence)
        {
            if (pasted && (traffic || !e.HasCode))
            {
                evidence = state.Evidence;
                subjectIsEvidence = evidence is not null;
            }
            if (anchoring.HasFlag(IntentAnchoring.RuleFocus)) ruleId ??= state.RuleId;
        }
        // Examples right after a rule was described are examples of that rule.
        if (anchoring.HasFlag(IntentAnchoring.RuleFocus) && carry && state!.Intent is { } previous && registry.Contains(previous)
            && registry[previous].Anchoring == IntentAnchoring.None)
            ruleId ??= state.RuleId;

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
    public static ConversationState Next(ConversationState? state, Question q, Composed composed, DateTimeOffset now, IntentRegistry registry)
    {
        var evidence = q.SubjectIsEvidence ? q.Evidence ?? Entities.CodeText(q.Entities) : state?.Evidence;
        if (evidence is { Length: > ConversationState.MaxEvidenceLength }) evidence = evidence[..ConversationState.MaxEvidenceLength];
        var anchoring = registry[q.Intent].Anchoring;
        var keepsSubject = anchoring.HasFlag(IntentAnchoring.KeepsState);
        return new ConversationState
        {
            Intent = keepsSubject ? state?.Intent : q.Intent,
            Receiver = keepsSubject ? state?.Receiver : q.SubjectIsEvidence ? composed.FocusReceiver ?? q.Receiver : q.Receiver,
            Range = keepsSubject ? state?.Range : q.Range.ToString(),
            RuleId = composed.FocusRuleId ?? (keepsSubject || anchoring.HasFlag(IntentAnchoring.RuleFocus) ? state?.RuleId : null),
            Evidence = evidence,
            SubjectIsEvidence = keepsSubject ? state?.SubjectIsEvidence ?? false : q.SubjectIsEvidence,
            Turns = (state?.Turns ?? 0) + 1,
            UpdatedAt = now,
        };
    }

    [GeneratedRegex(@"\b(?:all receivers|all providers|all domains|everyone|everybody|everything|overall|in general|in total|across the board|all of them|every receiver)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllReceivers();

    [GeneratedRegex(@"\b(?:then|that (?:day|time|window|period|week|hour)|same (?:window|period|time|day)|during that|back then|at that time)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefersBack();
}
