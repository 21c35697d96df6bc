using System.Net;

namespace DeliverabilityBot.IntegrationTests.FakeReceivers;

/// <summary>
/// What one fake receiver did in one session or mail transaction, as it happened: who connected,
/// the envelope, and the reply each recipient got. A greeting refusal has no envelope.
/// </summary>
public sealed class ReceiverTransaction
{
    /// <summary>Receiver id.</summary>
    public required string Receiver { get; init; }

    /// <summary>The sending IP the session came from.</summary>
    public required IPAddress Client { get; init; }

    /// <summary>When the session started.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>The refusal sent as greeting, or null.</summary>
    public SmtpReply? GreetingRefusal { get; set; }

    /// <summary>MAIL FROM address.</summary>
    public string? Sender { get; set; }

    /// <summary>Set once the server has kept it.</summary>
    internal bool Recorded { get; set; }

    /// <summary>Each RCPT TO with its reply, then (for accepted ones) the end-of-DATA reply.</summary>
    public List<RecipientOutcome> Recipients { get; } = [];
}

/// <summary>One recipient of a transaction and the reply that decided it.</summary>
/// <param name="Recipient">The address, lower-cased.</param>
/// <param name="Reply">The RCPT reply if it refused, else the end-of-DATA reply.</param>
public sealed record RecipientOutcome(string Recipient, SmtpReply Reply)
{
    /// <summary>Delivered (accepted at end of DATA).</summary>
    public bool Delivered => Reply.IsPositive;
}
