using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>Builds the answer for a question from <see cref="IDeliverabilityQueries"/> only: one composer per intent.</summary>
public static class AnswerComposer
{
    /// <summary>Composes the answer for <paramref name="q"/>.</summary>
    public static Task<Composed> ComposeAsync(Question q, IDeliverabilityQueries queries, CancellationToken ct) => q.Intent switch
    {
        Intents.Why => WhyComposer.ComposeAsync(q, queries, ct),
        Intents.Actions => ActionsComposer.ComposeAsync(q, queries, ct),
        Intents.Evidence => EvidenceComposer.ComposeAsync(q, queries, ct),
        Intents.Stats => StatsComposer.ComposeAsync(q, queries, ct),
        Intents.Explain => ExplainComposer.ComposeAsync(q, queries, ct),
        Intents.Rule => RuleComposer.ComposeAsync(q, queries, ct),
        Intents.Help => HelpComposer.HelpAsync(queries, ct),
        _ => Task.FromResult(HelpComposer.Unknown(q)),
    };
}
