namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// The readers tried on each email, in order: the first that finds events wins. Complaint reports first (an ARF
/// report is also a <c>multipart/report</c>; Microsoft's JMRP complaints are not ARF), then RFC 3464, then the
/// vendors' text formats, then auto-replies.
/// </summary>
public static class BounceReaders
{
    /// <summary>The readers in the order they are tried.</summary>
    public static IReadOnlyList<IBounceReader> InOrder { get; } =
    [
        new FeedbackReportReader(),
        new JmrpComplaintReader(),
        new Rfc3464Reader(),
        new Formats.AmazonSesJsonReader(),
        new Formats.TextBounceReader(),
        new AutoReplyReader(),
    ];
}
