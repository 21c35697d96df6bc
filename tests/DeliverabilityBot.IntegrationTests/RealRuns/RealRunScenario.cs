using DeliverabilityBot.IntegrationTests.Postfix;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// One story told by a real Postfix run: the streams (sender domain, transport, sending IP) it sends
/// from and one message per recipient (bulk mail is one message per recipient). Scenarios run together
/// in one Postfix instance and are told apart afterwards by their streams, so each gets its own log and
/// DSNs (<see cref="RunSplitter"/>).
/// </summary>
public sealed record RealRunScenario(string Name, string Description, string Receiver, string ExpectedTop, IReadOnlyList<SendingStream> Streams, IReadOnlyList<(SendingStream Stream, string Recipient)> Messages)
{
    /// <summary>The fixture folder name (<c>postfix-real-NAME</c>).</summary>
    public string FolderName => "postfix-real-" + Name;

    /// <summary>True when mail from this sending IP belongs to this scenario.</summary>
    public bool Owns(System.Net.IPAddress sendingIp) => Streams.Any(s => s.SendingIp.Equals(sendingIp));

    /// <summary>The stream a return path belongs to, or null.</summary>
    public SendingStream? StreamOf(string returnPath) =>
        Streams.FirstOrDefault(s => string.Equals(s.ReturnPath, returnPath, StringComparison.OrdinalIgnoreCase));
}
