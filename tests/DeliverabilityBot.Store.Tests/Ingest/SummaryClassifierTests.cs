using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Store.Tests.Ingest;

public class SummaryClassifierTests
{
    private static readonly DeliverabilityBotRuntime Runtime = new(new DeliverabilityBotOptions { DataDirectory = Path.GetTempPath() });

    private static BounceEvent Bounce(string recipient, string reply, DeliveryAction action = DeliveryAction.Failed, string host = "mx01.mail.icloud.com") => new()
    {
        Recipient = recipient,
        RecipientDomain = recipient[(recipient.IndexOf('@') + 1)..],
        RemoteHost = host,
        Reply = SmtpReply.Parse(reply),
        Action = action,
        Stage = SmtpStage.RcptTo,
        Kind = EvidenceKind.LogLine,
        MessageId = "Q1",
    };

    [Theory]
    [InlineData("user9@icloud.com", "550 5.1.1 <user9@icloud.com>: user does not exist")]
    [InlineData("User9@iCloud.com", "421 4.7.1 Messages to user9@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137")]
    [InlineData("a.b@example.org", "550 5.1.1 <a.b@example.org>: Recipient address rejected: User unknown in virtual mailbox table")]
    [InlineData("x@gmail.com", "550-5.1.1 The email account that you tried to reach does not exist. x@gmail.com - gsmtp")]
    public void Classify_ReplyQuotingTheRecipient_SameSummaryAsTheEngine(string recipient, string reply)
    {
        var e = Bounce(recipient.ToLowerInvariant(), reply);
        var expected = ClassificationSummary.Of(Runtime.Classifier.Classify(e));
        var actual = new SummaryClassifier(Runtime.Classifier).Classify(e);
        Assert.Equal((expected.Receiver, expected.Reason, expected.Category, expected.Filter, expected.HardBounce, expected.Retryable), (actual.Receiver, actual.Reason, actual.Category, actual.Filter, actual.HardBounce, actual.Retryable));
        Assert.Equal(expected.RuleIds, actual.RuleIds);
    }

    [Fact]
    public void Classify_SameReplyForManyRecipients_ClassifiedOnce()
    {
        var classifier = new SummaryClassifier(Runtime.Classifier);
        for (var i = 0; i < 50; i++) classifier.Classify(Bounce($"user{i}@icloud.com", $"550 5.1.1 <user{i}@icloud.com>: user does not exist"));
        Assert.Equal(1, classifier.Misses);
    }

    [Fact]
    public void Classify_DeliveredWithQueueIds_ClassifiedOnceAndLikeWithoutText()
    {
        var classifier = new SummaryClassifier(Runtime.Classifier);
        ClassificationSummary? first = null;
        for (var i = 0; i < 20; i++)
            first ??= classifier.Classify(Bounce($"u{i}@icloud.com", $"250 2.0.0 Ok: queued as 4XyZ{i}", DeliveryAction.Delivered));
        Assert.Equal(1, classifier.Misses);
        Assert.Equal(ClassificationSummary.Of(Runtime.Classifier.Classify(Bounce("u0@icloud.com", "250 2.0.0", DeliveryAction.Delivered))).RuleIds, first!.RuleIds);
    }

    [Fact]
    public void Classify_DifferentRemoteHosts_ClassifiedSeparately()
    {
        var classifier = new SummaryClassifier(Runtime.Classifier);
        classifier.Classify(Bounce("a@icloud.com", "421 4.7.0 Deferred", DeliveryAction.Delayed, "mx01.mail.icloud.com"));
        classifier.Classify(Bounce("a@icloud.com", "421 4.7.0 Deferred", DeliveryAction.Delayed, "mx.example.org"));
        Assert.Equal(2, classifier.Misses);
    }
}
