using System.Runtime.CompilerServices;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Postgres;
using DeliverabilityBot.Store.Postgres.State;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Channels;

/// <summary>State that several server instances must share when they share a PostgreSQL history: conversation state and channel delivery keys.</summary>
public static class SharedStateServiceCollectionExtensions
{
    /// <summary>
    /// With a PostgreSQL <paramref name="storeConnection"/>, keeps conversation state and delivery keys in that database (so a
    /// Slack event reaching two instances is answered once); otherwise adds nothing, and they stay per instance (SQLite, memory).
    /// Call before the channels and the chat are added.
    /// </summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services, string? storeConnection)
    {
        if (StoreConnection.IsPostgres(storeConnection)) AddPostgres(services, storeConnection!);
        return services;
    }

    // Its own method, so a server on SQLite never loads Npgsql.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddPostgres(IServiceCollection services, string connection)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => PostgresDatabase.Open(connection));
        services.AddSingleton<IConversationStateStore>(p => new PostgresConversationStateStore(p.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IDeliveryKeys>(p => new PostgresDeliveryKeys(
            p.GetRequiredService<PostgresDatabase>(), p.GetRequiredService<TimeProvider>(), ChannelServiceCollectionExtensions.DeliveryKeyLifetime));
    }
}
