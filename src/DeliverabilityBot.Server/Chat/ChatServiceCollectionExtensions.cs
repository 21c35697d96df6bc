using DeliverabilityBot.Checks;
using DeliverabilityBot.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Chat;

/// <summary>Registers the conversation core for the server, its options bound from the <c>Chat</c> section.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Adds the chat bot with conversation state in <paramref name="dataFolder"/> (the history store's folder), and
    /// <c>Chat:IdleTimeout</c> / <c>Chat:AnchorToDataAfter</c> from configuration (environment: <c>Chat__IdleTimeout</c>), and
    /// the DNS checks from the <c>Checks</c> section.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration, string? dataFolder)
    {
        var section = configuration.GetSection(ChatBotOptions.Section);
        services.AddChatBot(dataFolder, o => section.Bind(o));
        // DNS checks for the checks intent, from the Checks section (Checks:Enabled=false switches every lookup off).
        services.AddDnsChecks(o => configuration.GetSection(ChecksOptions.Section).Bind(o));
        services.AddProblemDetails();
        services.TryAddSingleton(AnswerPrivacy.From(configuration));
        return services;
    }
}
