using System.Text.RegularExpressions;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// One non-standard bounce format, as data: how to recognise it and where its error section starts. The shared
/// <see cref="TextBounceReader"/> does the rest (recipients, replies), so a new format is one row in
/// <see cref="TextBounceFormats"/> plus a sample.
/// </summary>
/// <param name="Name">The format name put in the event's source format (e.g. <c>qmail</c>).</param>
/// <param name="Marker">A line of the notification only this format writes (case-insensitive).</param>
/// <param name="SectionStart">Where the error section starts, when it does not start at the top; null for the top.</param>
/// <param name="SeenIn">Where the format was seen, for the next reader of this table.</param>
/// <param name="SectionEnd">Where the error section ends, when the format follows it with its own help text naming
/// other addresses (searched from the section's start); null for the usual end (the returned message).</param>
public sealed record TextBounceFormat(string Name, Regex Marker, Regex? SectionStart, string SeenIn, Regex? SectionEnd = null);
