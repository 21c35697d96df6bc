using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Queries;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeliverabilityBot.Conversation.Tests.Fakes;

/// <summary>The intents of the assembly, discovered as the server discovers them, and a bot over them.</summary>
public static class TestBot
{
    public static IntentRegistry Registry { get; } = IntentRegistry.Discover();

    public static Understander Understander { get; } = new(Registry);

    public static ChatBot Create(IDeliverabilityQueries queries, TimeProvider clock, IConversationStateStore? store = null, ChatBotOptions? options = null) =>
        new(queries, Registry, store ?? new InMemoryConversationStateStore(), options ?? new ChatBotOptions(), clock, NullLogger<ChatBot>.Instance);
}
