namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>One point: the start of its bucket, UTC, and its value (null when the bucket had no traffic).</summary>
public sealed record ChartPoint(DateTimeOffset At, double? Value);
