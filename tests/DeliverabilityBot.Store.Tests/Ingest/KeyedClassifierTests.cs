using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Store.Tests.Ingest;

public class KeyedClassifierTests
{
    private static readonly DeliverabilityBotRuntime Runtime = new(new DeliverabilityBotOptions { DataDirectory = Path.GetTempPath() });

    private static BounceEvent Bounce(string recipient, string reply, DeliveryAction action = DeliveryAction.Failed) => new()
    {
        Recipient = recipient,
        RecipientDomain = recipient[(recipient.IndexOf('@') + 1)..],
        RemoteHost = "mx01.mail.icloud.com",
        Reply = SmtpReply.Parse(reply),
        Action = action,
        Stage = SmtpStage.RcptTo,
        Kind = EvidenceKind.LogLine,
    };

    [Theory]
    [InlineData("user9@icloud.com", "550 5.1.1 <user9@icloud.com>: user does not exist")]
    [InlineData("user9@icloud.com", "421 4.7.1 Messages to user9@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137")]
    [InlineData("a.b@example.org", "550 5.1.1 <a.b@example.org>: Recipient address rejected: User unknown in virtual mailbox table")]
    [InlineData("x@gmail.com", "550-5.1.1 The email account that you tried to reach does not exist. x@gmail.com - gsmtp")]
    public void Classify_ReplyQuotingTheRecipient_SameConclusionsAndRulesAsTheEngine(string recipient, string reply)
    {
        var e = Bounce(recipient, reply);
        var expected = Runtime.Classifier.Classify(e);

        var actual = new KeyedClassifier(Runtime.Classifier).Classify(e);

        Assert.Equal((expected.Receiver, expected.Reason, expected.Filter, expected.HardBounce, expected.Retryable), (actual.Receiver, actual.Reason, actual.Filter, actual.HardBounce, actual.Retryable));
        Assert.Equal(expected.Findings.Select(f => (f.RuleId, f.Explanation)), actual.Findings.Select(f => (f.RuleId, f.Explanation)));
    }

    [Fact]
    public void Classify_SameReplyForManyRecipients_ClassifiedOnceAndShared()
    {
        var classifier = new KeyedClassifier(Runtime.Classifier);

        var results = Enumerable.Range(0, 50).Select(i => classifier.Classify(Bounce($"user{i}@icloud.com", $"550 5.1.1 <user{i}@icloud.com>: user does not exist"))).ToList();

        Assert.Equal(1, classifier.Misses);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void Classify_OtherDomain_ClassifiedSeparately()
    {
        var classifier = new KeyedClassifier(Runtime.Classifier);

        var icloud = classifier.Classify(Bounce("a@icloud.com", "550 5.1.1 <a@icloud.com>: user does not exist"));
        var example = classifier.Classify(Bounce("a@example.org", "550 5.1.1 <a@example.org>: user does not exist"));

        Assert.Equal(2, classifier.Misses);
        Assert.NotSame(icloud, example);
    }
}
