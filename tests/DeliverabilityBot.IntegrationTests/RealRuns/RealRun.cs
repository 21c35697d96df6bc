using System.Net;
using System.Net.Sockets;
using DeliverabilityBot.IntegrationTests.FakeReceivers;
using DeliverabilityBot.IntegrationTests.Postfix;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// One real run: a private network namespace, the fake receivers listening in it, a Postfix instance
/// sending every scenario's messages through its streams, until the queue is empty (every message
/// delivered, bounced or expired and every DSN delivered). The result holds the mail log, the DSNs and
/// what each receiver did, and writes one fixture folder per scenario.
/// </summary>
public static class RealRun
{
    /// <summary>Where iCloud's fake listens, under the name of one of iCloud's real MX hosts.</summary>
    public static IPEndPoint ICloudEndPoint { get; } = new(IPAddress.Parse("127.0.0.101"), 25);

    /// <summary>The MX name Postfix is given for iCloud's fake.</summary>
    public const string ICloudMx = "mx01.mail.icloud.com";

    /// <summary>Where Gmail's fake listens.</summary>
    public static IPEndPoint GmailEndPoint { get; } = new(IPAddress.Parse("127.0.0.102"), 25);

    /// <summary>The MX name Postfix is given for Gmail's fake.</summary>
    public const string GmailMx = "gmail-smtp-in.l.google.com";

    /// <summary>Runs the scenarios together and returns what happened. <paramref name="workDir"/> must be empty or absent.</summary>
    public static async Task<RealRunResult> ExecuteAsync(string workDir, IReadOnlyList<RealRunScenario> scenarios, TimeSpan queueLifetime)
    {
        Directory.CreateDirectory(workDir);
        var icloud = new FakeICloud(
            proofpointListed: new HashSet<IPAddress> { RealRunScenarios.ProofpointIp.Streams[0].SendingIp, RealRunScenarios.ProofpointOneIp.Streams[0].SendingIp },
            deferralEpisodeIps: RealRunScenarios.ICloudDeferrals.Streams.Select(s => s.SendingIp).ToHashSet(),
            episodeLength: queueLifetime / 3);
        var gmail = new FakeGmail(RealRunScenarios.GmailRateLimit.Streams.Select(s => s.SendingIp).ToHashSet());
        var started = DateTimeOffset.UtcNow;

        using var ns = NetworkNamespace.Create($"dbot-realrun-{Environment.ProcessId}");
        ns.WriteHosts(new Dictionary<string, IPAddress> { [ICloudMx] = ICloudEndPoint.Address, [GmailMx] = GmailEndPoint.Address });
        var (icloudServer, gmailServer) = ns.Inside(() => (new FakeSmtpServer(Listen(ICloudEndPoint), icloud), new FakeSmtpServer(Listen(GmailEndPoint), gmail)));
        await using (icloudServer)
        await using (gmailServer)
        {
            var (uid, gid) = PostfixAvailability.MailOwnerIds();
            var config = new PostfixConfig(workDir, [.. scenarios.SelectMany(s => s.Streams)],
                new Dictionary<string, (string, int)> { ["icloud.com"] = (ICloudMx, ICloudEndPoint.Port), ["gmail.com"] = (GmailMx, GmailEndPoint.Port) },
                queueLifetime, uid, gid);
            using (var postfix = PostfixInstance.Start(ns, config))
            {
                postfix.Submit(scenarios.SelectMany(s => s.Messages).Select(m => (m.Stream.ReturnPath, $"<news@{m.Stream.Domain}>", m.Recipient)));
                postfix.WaitUntilQueueEmpty(queueLifetime * 3 + TimeSpan.FromSeconds(30));
            }
            var log = File.ReadAllLines(config.MailLog);
            var dsns = Directory.Exists(Path.Combine(config.DsnMaildir, "new"))
                ? Directory.GetFiles(Path.Combine(config.DsnMaildir, "new")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
                : [];
            return new RealRunResult(scenarios, log, dsns, [.. icloudServer.Transactions, .. gmailServer.Transactions], started);
        }
    }

    private static Socket Listen(IPEndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(endPoint);
        socket.Listen(64);
        return socket;
    }
}
