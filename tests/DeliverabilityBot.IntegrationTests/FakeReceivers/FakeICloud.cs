using System.Net;

namespace DeliverabilityBot.IntegrationTests.FakeReceivers;

/// <summary>
/// iCloud's inbound edge as senders see it, answering with the reply texts recorded in the shared
/// facts (section 1.3, iCloud reply codes): a Proofpoint PDR block for a listed sending IP at RCPT
/// ("550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=..."), 421 4.7.0 greeting refusals for
/// a deferral episode, an unknown user at RCPT and a [CS01] policy rejection after DATA.
/// Which recipient gets what is told by its local part: <c>gone-*</c> does not exist, <c>policy-*</c> is
/// refused after DATA, <c>late-*</c> is deferred at RCPT until the sender gives up.
/// </summary>
public sealed class FakeICloud(IReadOnlySet<IPAddress> proofpointListed, IReadOnlySet<IPAddress> deferralEpisodeIps, TimeSpan episodeLength) : IReceiverBehaviour
{
    private readonly object _gate = new();
    private DateTimeOffset? _episodeStart;

    /// <inheritdoc />
    public string Receiver => "icloud";

    /// <inheritdoc />
    public string Banner => "iCloud iscream SMTP proxy - p00-iscream-smtp-fake-1";

    /// <inheritdoc />
    public SmtpReply? Greeting(IPAddress client)
    {
        if (!deferralEpisodeIps.Contains(client)) return null;
        lock (_gate)
        {
            // The episode starts with the first session from an affected IP and lasts episodeLength.
            _episodeStart ??= DateTimeOffset.UtcNow;
            return DateTimeOffset.UtcNow - _episodeStart < episodeLength ? new SmtpReply(421, "4.7.0 Deferred") : null;
        }
    }

    /// <inheritdoc />
    public SmtpReply? Recipient(IPAddress client, string recipient)
    {
        if (proofpointListed.Contains(client))
            return new SmtpReply(550, $"5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip={client}");
        var local = recipient.Split('@')[0];
        if (local.StartsWith("gone-", StringComparison.Ordinal)) return new SmtpReply(550, $"5.1.1 <{recipient}>: user does not exist");
        if (local.StartsWith("late-", StringComparison.Ordinal)) return new SmtpReply(421, "4.7.0 Deferred");
        return null;
    }

    /// <inheritdoc />
    public SmtpReply? EndOfData(IPAddress client, IReadOnlyList<string> recipients) =>
        recipients.Any(r => r.StartsWith("policy-", StringComparison.Ordinal))
            ? new SmtpReply(554, "5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137")
            : null;
}
