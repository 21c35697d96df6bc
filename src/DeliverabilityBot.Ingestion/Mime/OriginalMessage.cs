using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>Finds the returned original message attached to a bounce (<c>message/rfc822</c> or <c>text/rfc822-headers</c>).</summary>
public static class OriginalMessage
{
    /// <summary>The original message's headers, or null when none is attached.</summary>
    public static HeaderList? HeadersOf(MimeMessage bounce)
    {
        foreach (var entity in bounce.BodyParts.Concat(bounce.Attachments))
        {
            if (entity is MessagePart { Message: { } original }) return original.Headers;
            if (entity is TextPart tp && tp.ContentType.MediaSubtype.Equals("rfc822-headers", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(NotificationText.Normalize(tp.Text ?? string.Empty) + "\n\n"));
                    return HeaderList.Load(stream);
                }
                catch (FormatException)
                {
                    return null; // unparseable headers: no original, the bounce itself is still read
                }
            }
        }
        foreach (var entity in EnumerateAll(bounce.Body))
            if (entity is MessagePart { Message: { } nested }) return nested.Headers;
        return null;
    }

    private static IEnumerable<MimeEntity> EnumerateAll(MimeEntity? entity)
    {
        if (entity is null) yield break;
        yield return entity;
        if (entity is Multipart mp)
            foreach (var child in mp)
                foreach (var e in EnumerateAll(child)) yield return e;
    }
}
