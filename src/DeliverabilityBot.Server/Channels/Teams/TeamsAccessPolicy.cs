using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Which Teams conversations get answers: the app's own tenant and <c>Teams:AllowedTenants</c>; and, when
/// <c>Teams:AllowedChannels</c> is set, only those channels and group chats (personal chats always). Local mode
/// (Emulator, no tenant) checks tenants only when an allow-list is given.
/// </summary>
public sealed class TeamsAccessPolicy(IOptions<TeamsOptions> options, ILogger<TeamsAccessPolicy> logger)
{
    /// <summary>True when the activity's conversation may be answered.</summary>
    public bool Allows(Activity activity)
    {
        var settings = options.Value;
        var tenant = activity.TenantId;
        var checkTenant = settings.IsAuthenticated || settings.AllowedTenants is { Count: > 0 };
        var allowed = (!checkTenant || ChannelAccess.Allows(settings.EffectiveTenants, tenant))
            && (IsPersonal(activity) || settings.AllowedChannels is not { Count: > 0 } channels || ChannelAccess.Allows(channels, ChannelId(activity)));
        if (!allowed)
        {
            logger.LogWarning("Refused Teams activity {Id}: tenant {Tenant}, conversation {Conversation}", activity.Id, tenant, ChannelId(activity));
        }

        return allowed;
    }

    /// <summary>True for a one-to-one chat with the bot.</summary>
    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The conversation id without the thread suffix (<c>;messageid=...</c>): the channel or chat.</summary>
    public static string? ChannelId(Activity activity) =>
        activity.Conversation?.Id is { } id && id.IndexOf(';', StringComparison.Ordinal) is var semicolon and >= 0 ? id[..semicolon] : activity.Conversation?.Id;
}
