using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Conversation.Tests.Fakes;

/// <summary>The receiver registry of the shipped rule files (the one source of receiver names), loaded once.</summary>
public static class ShippedReceivers
{
    private static readonly Lazy<IReceiverRegistry> Loaded = new(() =>
        RuleSetLoader.Load(RuleSources.Embedded(), RuleLoadOptions.WithoutExampleChecks).Receivers);
    private static readonly Lazy<ReceiverLexicon> Lexicons = new(() => new ReceiverLexicon(Loaded.Value));

    /// <summary>The registry.</summary>
    public static IReceiverRegistry Registry => Loaded.Value;

    /// <summary>Its chat lexicon.</summary>
    public static ReceiverLexicon Lexicon => Lexicons.Value;
}
