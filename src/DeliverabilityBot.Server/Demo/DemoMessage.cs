using System.Globalization;

namespace DeliverabilityBot.Server.Demo;

/// <summary>One queued message of the demo log and the Postfix lines about it, logged by its outbound instance.</summary>
public sealed record DemoMessage(string QueueId, string Recipient, string Sender, DateTimeOffset Queued, DemoInstance Instance)
{
    /// <summary>qmgr picking the message up (records the envelope sender).</summary>
    public string Pickup() => $"{Stamp(Queued)} mta1 {Instance.SyslogName}/qmgr[900]: {QueueId}: from=<{Sender}>, size={4000 + (QueueId[^1] * 37)}, nrcpt=1 (queue active)";

    /// <summary>One delivery attempt by postfix/smtp.</summary>
    public string Attempt(DateTimeOffset at, string host, string ip, string dsn, string status, string detail)
    {
        var delay = (at - Queued).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        return $"{Stamp(at)} mta1 {Instance.SyslogName}/smtp[{2000 + (int)(at.ToUnixTimeSeconds() % 7000)}]: {QueueId}: to=<{Recipient}>, relay={host}[{ip}]:25, delay={delay}, delays=0.05/0.01/0.6/0.5, dsn={dsn}, status={status} ({detail})";
    }

    /// <summary>qmgr giving up on the message after the queue lifetime.</summary>
    public string Expired(DateTimeOffset at) => $"{Stamp(at)} mta1 {Instance.SyslogName}/qmgr[900]: {QueueId}: from=<{Sender}>, status=expired, returned to sender";

    private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
