namespace DeliverabilityBot.Server.Demo;

/// <summary>One receiver's share of the demo traffic and how its MX answers on a normal day.</summary>
/// <param name="Domains">Recipient domains (weighted equally).</param>
/// <param name="MxHosts">Its MX hosts with their IPs.</param>
/// <param name="PerHour">First attempts per hour.</param>
/// <param name="Accepted">The 250 reply text after the code, e.g. <c>2.0.0 OK ... - gsmtp</c>.</param>
/// <param name="Unknown">Its reply to a mailbox that does not exist (about 0.4% of recipients).</param>
public sealed record DemoReceiver(
    IReadOnlyList<string> Domains,
    IReadOnlyList<(string Host, string Ip)> MxHosts,
    int PerHour,
    string Accepted,
    string Unknown);
