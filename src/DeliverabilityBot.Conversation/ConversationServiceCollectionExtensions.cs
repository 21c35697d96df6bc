using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.Rendering;
using DeliverabilityBot.Conversation.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Conversation;

/// <summary>Registers the conversation core. <see cref="Core.Queries.IDeliverabilityQueries"/> is registered by the application layer.</summary>
public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IChatBot"/>, every intent handler, the plain-text and HTML renderers, and conversation state kept in
    /// <c>conversations.db</c> inside <paramref name="dataFolder"/> (in memory when it is null).
    /// </summary>
    public static IServiceCollection AddChatBot(this IServiceCollection services, string? dataFolder, Action<ChatBotOptions>? configure = null)
    {
        var options = new ChatBotOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStateStore>(_ => dataFolder is null
            ? new InMemoryConversationStateStore()
            : SqliteConversationStateStore.InFolder(dataFolder));
        // Every intent handler of this assembly: a new intent is its handler file, nothing to register by hand.
        foreach (var type in IntentRegistry.HandlerTypes)
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IIntentHandler), type));
        services.TryAddSingleton(sp => new IntentRegistry(sp.GetServices<IIntentHandler>()));
        services.TryAddSingleton<IChatBot, ChatBot>();
        services.TryAddSingleton<PlainTextRenderer>();
        services.TryAddSingleton<HtmlRenderer>();
        return services;
    }
}
