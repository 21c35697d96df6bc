using System.Net;

namespace DeliverabilityBot.IntegrationTests.Postfix;

/// <summary>
/// One mail stream of the sender: its envelope domain (bounces come back to <c>bounces@Domain</c>), the
/// Postfix transport chosen for it by <c>sender_dependent_default_transport_maps</c>, and that
/// transport's <c>smtp_bind_address</c> in master.cf: the sending IP, as a real multi-IP Postfix is set up.
/// </summary>
public sealed record SendingStream(string Domain, string Transport, IPAddress SendingIp)
{
    /// <summary>The envelope sender (return path) of this stream's mail.</summary>
    public string ReturnPath => $"bounces@{Domain}";
}
