using System.Net;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Removes the bot's own @mention from message text, found by entity id (not by guessing at the text):
/// every mention entity whose <c>mentioned.id</c> is the recipient. Other people's mentions stay.
/// </summary>
public static class MentionText
{
    /// <summary>The text addressed to the bot, mention removed, HTML entities decoded, trimmed.</summary>
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (!string.IsNullOrEmpty(botId))
        {
            foreach (var entity in activity.Entities ?? [])
            {
                if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
                {
                    continue;
                }

                // botbuilder#2504: the entity text can be null in group chats; fall back to <at>name</at>.
                var markup = entity.Text ?? (entity.Mentioned?.Name is { } name ? $"<at>{name}</at>" : null);
                if (!string.IsNullOrEmpty(markup))
                {
                    text = Regex.Replace(text, Regex.Escape(markup), " ", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
                }
            }
        }

        return WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Trim();
    }
}
