using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>What composers may use: the engine's queries, the DNS checks, the other intents (for help), settings and the clock.</summary>
/// <param name="Queries">The one port to the engine and the store.</param>
/// <param name="Registry">Every intent (help lists them).</param>
/// <param name="Options">The conversation settings.</param>
/// <param name="Clock">The clock.</param>
public sealed record IntentServices(IDeliverabilityQueries Queries, IntentRegistry Registry, ChatBotOptions Options, TimeProvider Clock)
{
    /// <summary>DNS checks of our sending setup (SPF, DKIM, DMARC, reverse DNS, MX, blocklists); disabled unless the host registers them.</summary>
    public Core.Checks.IDeliverabilityChecks Checks { get; init; } = Core.Checks.DisabledChecks.NotConfigured;
}
