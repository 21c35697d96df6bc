using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// An email being read for bounce evidence, with the views the readers share computed once: the notification
/// text (the human-readable part, decoded), the attached original message's headers, and common header values.
/// </summary>
public sealed class BounceMessage
{
    private string? _notification;
    private HeaderList? _original;
    private bool _originalRead;
    private Formats.TextBounceFormat? _textFormat;
    private bool _textFormatRead;

    /// <summary>Wraps a parsed message.</summary>
    public BounceMessage(MimeMessage message) => Message = message;

    /// <summary>The parsed message.</summary>
    public MimeMessage Message { get; }

    /// <summary>The Subject, or empty.</summary>
    public string Subject => Message.Subject ?? string.Empty;

    /// <summary>The From address (lower-cased), or empty.</summary>
    public string From => Message.From.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant() ?? string.Empty;

    /// <summary>The From display name plus address, for matching names like <c>Mail Delivery Subsystem</c>.</summary>
    public string FromText => Message.From.ToString();

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Message.Headers[name];

    /// <summary>
    /// The decoded human-readable notification: the text parts before any attached message, joined, with LF line
    /// endings; HTML-only notices are reduced to text.
    /// </summary>
    public string Notification => _notification ??= NotificationText.Of(Message);

    /// <summary>
    /// The non-standard bounce format the notification is written in (<see cref="Formats.TextBounceFormats"/>), or
    /// null; detected once (telling a bounce from other mail and reading it both ask).
    /// </summary>
    public Formats.TextBounceFormat? TextFormat
    {
        get
        {
            if (!_textFormatRead)
            {
                _textFormat = Formats.TextBounceFormats.Detect(Notification);
                _textFormatRead = true;
            }
            return _textFormat;
        }
    }

    /// <summary>The headers of the returned original message (<c>message/rfc822</c> or <c>text/rfc822-headers</c>), or null.</summary>
    public HeaderList? OriginalHeaders
    {
        get
        {
            if (!_originalRead)
            {
                _original = OriginalMessage.HeadersOf(Message);
                _originalRead = true;
            }
            return _original;
        }
    }
}
