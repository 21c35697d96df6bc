namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// A system recognised as the author of a bounce by its headers or sender, whatever layout it used.
/// </summary>
/// <param name="Name">The name put in the event's source format (one of <see cref="Core.Vocabulary.SourceFormats"/>).</param>
/// <param name="Wrote">True when the message was written by this system.</param>
/// <param name="SeenIn">Where it was seen, for the next reader of the table.</param>
public sealed record ReportingSystem(string Name, Func<BounceMessage, bool> Wrote, string SeenIn);
