namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>A question to answer in Slack and where the answer goes.</summary>
/// <param name="Team">Workspace id.</param>
/// <param name="Channel">Channel or DM id.</param>
/// <param name="ReplyThreadTs">Parent ts to reply under, or null for the top level.</param>
/// <param name="User">Who asked.</param>
/// <param name="Text">The question, plain text.</param>
/// <param name="ResponseUrl">When set (slash commands), the answer goes there instead of chat.postMessage.</param>
/// <param name="Direct">A direct message with the bot (answers are not masked there).</param>
/// <param name="Notice">When set, this short text is posted instead of an answer (a refusal).</param>
public sealed record SlackTurn(string Team, string Channel, string? ReplyThreadTs, string User, string Text, string? ResponseUrl = null, bool Direct = false, string? Notice = null);
