namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>The question a chart answers, enough to draw it again from the store: receiver, window, IP filter or split.</summary>
/// <param name="Receiver">The receiver id, or null for all receivers.</param>
/// <param name="From">The window's start, UTC.</param>
/// <param name="To">The window's end, UTC.</param>
/// <param name="SendingIp">Only this sending IP, or null.</param>
/// <param name="BySendingIp">One line per sending IP.</param>
public sealed record ChartSource(string? Receiver, DateTimeOffset From, DateTimeOffset To, string? SendingIp, bool BySendingIp);
