using System.Net;

namespace DeliverabilityBot.IntegrationTests.FakeReceivers;

/// <summary>
/// What a fake receiver answers at each stage of a session. A null answer accepts (220, 250, 354).
/// Called from several sessions at once: implementations are thread-safe.
/// </summary>
public interface IReceiverBehaviour
{
    /// <summary>The receiver id the classifier should name for this receiver's replies (<c>icloud</c>, <c>gmail</c>).</summary>
    string Receiver { get; }

    /// <summary>The text of the 220 greeting (after the code).</summary>
    string Banner { get; }

    /// <summary>The greeting, or a refusal (a 4xx or 5xx greeting).</summary>
    SmtpReply? Greeting(IPAddress client);

    /// <summary>The reply to RCPT TO.</summary>
    SmtpReply? Recipient(IPAddress client, string recipient);

    /// <summary>The reply after the message body (for all accepted recipients).</summary>
    SmtpReply? EndOfData(IPAddress client, IReadOnlyList<string> recipients);
}
