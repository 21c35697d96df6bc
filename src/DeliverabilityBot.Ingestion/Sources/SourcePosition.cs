namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>A live source's resume point, persisted in the store after the events before it are committed.</summary>
/// <param name="Key">Which source: <c>follow:/var/log/mail.log</c>, <c>journald:postfix.service</c>.</param>
/// <param name="Value">The source's own encoding of where it stands (a file's identity and offset, a journal cursor).</param>
public sealed record SourcePosition(string Key, string Value);
