namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>A message's bytes as they came, and when, waiting in the listener's queue to be parsed.</summary>
internal readonly record struct ReceivedMessage(byte[] Data, DateTimeOffset At);
