using System.Text.RegularExpressions;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Cuts a bounce notification down to its error section: from the format's start line (or the top) to the first
/// line where the returned original message begins (<c>------ This is a copy of the message</c>,
/// <c>--- Below this line is a copy of the message.</c>, <c>----- Original message -----</c>, Verizon's <c>Original Message:</c>, a run of headers, ...).
/// </summary>
public static partial class ErrorSection
{
    /// <summary>The error section of <paramref name="notification"/>; <paramref name="sectionEnd"/>, when given, may end it earlier.</summary>
    public static string Of(string notification, Regex? start, Regex? sectionEnd = null)
    {
        var from = 0;
        if (start?.Match(notification) is { Success: true } s) from = notification.LastIndexOf('\n', s.Index) + 1;
        var end = OriginalStarts().Match(notification, from);
        var to = end.Success ? end.Index : notification.Length;
        var headers = HeaderRun().Match(notification, from);
        if (headers.Success && headers.Index < to) to = headers.Index;
        if (sectionEnd?.Match(notification, from) is { Success: true } e && e.Index < to) to = e.Index;
        return notification[from..to];
    }

    [GeneratedRegex(@"^[ \t]*(?:-{2,}[ \t]*(?:This is a copy of|Below this line is a copy|Original message|Unsent message below|Unsent message follows|The header of the original message|Original Message Header|Returned message|Forwarded message|Headers of the original|The original message|Message headers follow|Original message text)|Message headers follow\.?$|Original message headers:|The original message headers|-+ ?Original Message ?-+|Content-Type: message/rfc822|The text of your message|Your message reads|The original message was:|-+ ?Returned mail follows|-+ Original mail message -+|Below is a copy of the original message|Original Message:[ \t]*$)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalStarts();

    // The returned message pasted inline: a Return-Path/Received/Message-ID/X- header followed by another header line.
    [GeneratedRegex(@"^(?:Return-Path|Received|Message-ID|Delivered-To|X-[\w-]+|DKIM-Signature|Authentication-Results):[^\n]*\n(?:[ \t][^\n]*\n)*[A-Za-z][\w-]*:", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRun();
}
