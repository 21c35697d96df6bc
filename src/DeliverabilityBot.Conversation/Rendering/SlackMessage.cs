using System.Text.Json.Nodes;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>A Slack message: Block Kit blocks and the mrkdwn fallback text (notifications, old clients).</summary>
/// <param name="Text">Fallback text, mrkdwn, escaped.</param>
/// <param name="Blocks">Block Kit blocks (at most 50).</param>
public sealed record SlackMessage(string Text, JsonArray Blocks);
