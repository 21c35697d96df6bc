namespace DeliverabilityBot.Server.Channels;

/// <summary>What a refused caller is told, the same short line in every channel.</summary>
public static class ChannelAccess
{
    /// <summary>The reply to a workspace, tenant, channel or guest the bot is not enabled for.</summary>
    public const string NotEnabledHere = "DeliverabilityBot is not enabled here.";

    /// <summary>The wildcard that allows any value in an allow-list (said out loud, never the default).</summary>
    public const string Any = "*";

    /// <summary>True when <paramref name="value"/> is listed (ordinal, case-insensitive) or the list holds <see cref="Any"/>.</summary>
    public static bool Allows(IReadOnlyCollection<string> list, string? value) =>
        list.Contains(Any, StringComparer.Ordinal) || (value is not null && list.Contains(value, StringComparer.OrdinalIgnoreCase));
}
