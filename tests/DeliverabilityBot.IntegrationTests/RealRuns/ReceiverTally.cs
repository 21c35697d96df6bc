using System.Net;
using DeliverabilityBot.IntegrationTests.FakeReceivers;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// What the fake receivers did for one scenario, counted the way Postfix logs it: per recipient and try
/// (a greeting refusal is one deferred try of the one-recipient message Postfix was delivering), and per
/// message (one per recipient): delivered, bounced (a 5xx), expired (never a final answer: Postfix gave up).
/// </summary>
public sealed record ReceiverTally(string Receiver, string? SendingIp, int DeliveredAttempts, int DeferredAttempts, int BouncedAttempts,
    int Messages, int DeliveredMessages, int BouncedMessages, int ExpiredMessages, int GreetingRefusals)
{
    /// <summary>Attempts as the store counts them: an expiry is one more failed attempt (Postfix's status=expired line).</summary>
    public int StoreAttempts => DeliveredAttempts + DeferredAttempts + BouncedAttempts + ExpiredMessages;

    /// <summary>Messages that were not delivered.</summary>
    public int AffectedMessages => Messages - DeliveredMessages;

    /// <summary>Counts one receiver's transactions for the scenario's messages (optionally one sending IP's).</summary>
    public static ReceiverTally Count(RealRunScenario scenario, string receiver, string recipientDomain, IEnumerable<ReceiverTransaction> transactions, IPAddress? sendingIp = null)
    {
        var mine = transactions.Where(t => t.Receiver == receiver && scenario.Owns(t.Client) && (sendingIp is null || t.Client.Equals(sendingIp))).ToList();
        var recipients = scenario.Messages
            .Where(m => m.Recipient.EndsWith("@" + recipientDomain, StringComparison.Ordinal) && (sendingIp is null || m.Stream.SendingIp.Equals(sendingIp)))
            .Select(m => m.Recipient).ToHashSet(StringComparer.Ordinal);
        var outcomes = mine.SelectMany(t => t.Recipients).Where(r => recipients.Contains(r.Recipient)).ToList();
        var final = outcomes.Where(o => !o.Reply.IsTransient).GroupBy(o => o.Recipient).ToDictionary(g => g.Key, g => g.Last().Reply);
        var greetings = mine.Count(t => t.GreetingRefusal is not null);
        return new ReceiverTally(receiver, sendingIp?.ToString(),
            DeliveredAttempts: outcomes.Count(o => o.Reply.IsPositive),
            DeferredAttempts: outcomes.Count(o => o.Reply.IsTransient) + mine.Count(t => t.GreetingRefusal is { IsTransient: true }),
            BouncedAttempts: outcomes.Count(o => o.Reply.IsPermanent) + mine.Count(t => t.GreetingRefusal is { IsPermanent: true }),
            Messages: recipients.Count,
            DeliveredMessages: final.Count(f => f.Value.IsPositive),
            BouncedMessages: final.Count(f => f.Value.IsPermanent),
            ExpiredMessages: recipients.Count - final.Count,
            GreetingRefusals: greetings);
    }
}
