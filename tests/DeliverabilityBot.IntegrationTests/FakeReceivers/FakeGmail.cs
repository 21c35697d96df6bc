using System.Collections.Concurrent;
using System.Net;

namespace DeliverabilityBot.IntegrationTests.FakeReceivers;

/// <summary>
/// Gmail's MX as senders see it: the multi-line <c>421-4.7.28</c> "unusual rate of unsolicited mail
/// originating from your IP address" rate limit after DATA (the text of Google's SMTP error reference,
/// https://support.google.com/a/answer/3726730, and the rule file's examples), with the bracketed
/// client IP Gmail puts in it, for rate-limited IPs. Recipients <c>rl-*</c> from such an IP are
/// deferred on their first <see cref="DeferralsBeforeAccept"/> attempts, <c>rlx-*</c> on every attempt.
/// </summary>
public sealed class FakeGmail(IReadOnlySet<IPAddress> rateLimited) : IReceiverBehaviour
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>How often an <c>rl-*</c> recipient is deferred before it is accepted.</summary>
    public const int DeferralsBeforeAccept = 2;

    /// <inheritdoc />
    public string Receiver => "gmail";

    /// <inheritdoc />
    public string Banner => "mx.google.com ESMTP d2e1a72fcca58-7fake0001si1234567b3a.100 - gsmtp";

    /// <inheritdoc />
    public SmtpReply? Greeting(IPAddress client) => null;

    /// <inheritdoc />
    public SmtpReply? Recipient(IPAddress client, string recipient) => null;

    /// <inheritdoc />
    public SmtpReply? EndOfData(IPAddress client, IReadOnlyList<string> recipients)
    {
        if (!rateLimited.Contains(client)) return Accepted();
        var defer = false;
        foreach (var r in recipients)
        {
            var local = r.Split('@')[0];
            var attempt = _attempts.AddOrUpdate(r, 1, (_, n) => n + 1);
            defer |= local.StartsWith("rlx-", StringComparison.Ordinal)
                || (local.StartsWith("rl-", StringComparison.Ordinal) && attempt <= DeferralsBeforeAccept);
        }
        return defer ? RateLimit(client) : Accepted();
    }

    private static SmtpReply Accepted() =>
        new(250, $"2.0.0 OK  {DateTimeOffset.UtcNow.ToUnixTimeSeconds()} d2e1a72fcca58-7fake{Random.Shared.Next(1000, 9999)}si1234567b3a.100 - gsmtp");

    /// <summary>Gmail's reply, wrapped as Gmail wraps it (the client IP padded to a fixed width, then a count).</summary>
    private static SmtpReply RateLimit(IPAddress client) => new(421,
    [
        $"4.7.28 [{client,-15} 15] Our system has detected an unusual rate of",
        "4.7.28 unsolicited mail originating from your IP address. To protect our",
        "4.7.28 users from spam, mail sent from your IP address has been temporarily",
        "4.7.28 rate limited. Please visit",
        "4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to",
        "4.7.28 review our Bulk Email Senders Guidelines. d2e1a72fcca58-7fake0002si1234567b3a.100 - gsmtp",
    ]);
}
