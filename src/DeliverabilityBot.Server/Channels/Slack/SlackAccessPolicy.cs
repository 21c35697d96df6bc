using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Which Slack callers get answers: workspaces on <c>Slack:AllowedTeams</c>; Slack Connect (an externally shared
/// channel, or a user whose own workspace is another one) only with <c>Slack:AllowSlackConnect</c>; and, when
/// <c>Slack:AllowedChannels</c> is set, only those channels (direct messages always).
/// </summary>
public sealed class SlackAccessPolicy(IOptions<SlackOptions> options, ILogger<SlackAccessPolicy> logger)
{
    /// <summary>The outcome of <see cref="Decide"/>.</summary>
    public enum Verdict
    {
        /// <summary>Answer.</summary>
        Allowed,

        /// <summary>Tell the caller the bot is not enabled here (a place our token can post to).</summary>
        NotEnabledHere,

        /// <summary>Another workspace: nothing to post with; drop.</summary>
        ForeignWorkspace,
    }

    /// <summary>Decides for one caller.</summary>
    /// <param name="team">The workspace the request came through (envelope <c>team_id</c>).</param>
    /// <param name="userTeam">The asking user's own workspace, when Slack says (<c>user_team</c>, <c>team</c>).</param>
    /// <param name="channel">The channel id.</param>
    /// <param name="externallyShared">Slack marked the channel as shared with another organisation.</param>
    /// <param name="direct">A direct message with the bot.</param>
    public Verdict Decide(string team, string? userTeam, string? channel, bool externallyShared, bool direct)
    {
        var settings = options.Value;
        Verdict verdict;
        if (!ChannelAccess.Allows(settings.AllowedTeams ?? [], team)) verdict = Verdict.ForeignWorkspace;
        else if (!settings.AllowSlackConnect && (externallyShared || IsGuest(settings, team, userTeam))) verdict = Verdict.NotEnabledHere;
        else if (!direct && settings.AllowedChannels is { Count: > 0 } channels && !ChannelAccess.Allows(channels, channel)) verdict = Verdict.NotEnabledHere;
        else verdict = Verdict.Allowed;

        if (verdict != Verdict.Allowed)
        {
            logger.LogWarning(
                "Refused Slack request ({Verdict}): team {Team}, user's team {UserTeam}, channel {Channel}, externally shared {Shared}",
                verdict, team, userTeam, channel, externallyShared);
        }

        return verdict;
    }

    /// <summary>True when a channel id names a direct message (Slack's <c>D</c> prefix).</summary>
    public static bool IsDirectChannel(string? channel) => channel is { Length: > 1 } && channel[0] == 'D';

    private static bool IsGuest(SlackOptions settings, string team, string? userTeam) =>
        userTeam is { Length: > 0 }
        && !string.Equals(userTeam, team, StringComparison.OrdinalIgnoreCase)
        && !(settings.AllowedTeams ?? []).Contains(userTeam, StringComparer.OrdinalIgnoreCase);
}
