using System.Globalization;

namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>
/// The headline in messages: "14 of 45 messages to iCloud (31%) affected: 8 bounced, 7 expired, none pending". The
/// affected messages not in those three were delivered after at least one deferral, said when there are any.
/// </summary>
public static class MessageSentence
{
    /// <summary>The sentence (without a final full stop); <paramref name="receiverName"/> null for all receivers.</summary>
    public static string Of(MessageCounts m, string? receiverName)
    {
        var to = receiverName is null ? "" : $" to {receiverName}";
        var late = m.Affected - m.Bounced - m.Expired - m.Pending;
        var sentence = string.Create(CultureInfo.InvariantCulture,
            $"{m.Affected:N0} of {m.Total:N0} messages{to} ({Text.Shares.Percent(m.Affected, m.Total)}) affected: {Count(m.Bounced)} bounced, {Count(m.Expired)} expired, {Count(m.Pending)} pending");
        return late > 0 ? string.Create(CultureInfo.InvariantCulture, $"{sentence}, {late:N0} delivered late") : sentence;
    }

    private static string Count(long n) => n == 0 ? "none" : n.ToString("N0", CultureInfo.InvariantCulture);
}
