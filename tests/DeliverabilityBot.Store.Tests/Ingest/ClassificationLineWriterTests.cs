using System.Text;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Store.Tests.Ingest;

public class ClassificationLineWriterTests
{
    private static readonly DeliverabilityBotRuntime Runtime = new(new DeliverabilityBotOptions { DataDirectory = Path.GetTempPath() });

    private static BounceEvent Event(int index, string? recipient, string reply, DeliveryAction action = DeliveryAction.Failed, int? message = null,
        DateTimeOffset? at = null, string source = "mail.log", EnhancedStatusCode? dsn = null) => new()
    {
        Source = source,
        Index = index,
        MessageIndex = message,
        Recipient = recipient,
        RecipientDomain = recipient?[(recipient.IndexOf('@') + 1)..],
        RemoteHost = "mx01.mail.icloud.com",
        Reply = SmtpReply.Parse(reply),
        DsnStatus = dsn,
        Action = action,
        Stage = SmtpStage.RcptTo,
        Kind = EvidenceKind.LogLine,
        Timestamp = at,
    };

    public static TheoryData<BounceEvent[]> Events => new()
    {
        // Many recipients behind one reply: the shared parts are copied, the recipient and diagnostic are each line's own.
        Enumerable.Range(1, 5).Select(i => Event(i, $"user{i}@icloud.com", $"550 5.1.1 <user{i}@icloud.com>: user does not exist",
            at: new DateTimeOffset(2026, 11, 28, 10, 0, i, TimeSpan.Zero))).ToArray(),
        // Text that must be escaped, non-ASCII, an mbox message index, no recipient, no reply, a DSN status only, delivered.
        new[]
        {
            Event(1, "\"quoted\"@example.org", "554 5.7.1 Message \"rejected\" \\ <tab>\there – spam\u0001", message: 3, source: "dir/mbox \"a\""),
            Event(2, null, "421 4.7.0 Try again later", DeliveryAction.Delayed, at: new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))),
            Event(3, "ü@exämple.org", "", dsn: EnhancedStatusCode.Parse("5.2.2")),
            Event(4, "a@icloud.com", "250 2.0.0 Ok: queued as 4XyZ1", DeliveryAction.Delivered),
            Event(5, "b@icloud.com", "250 2.0.0 Ok: queued as 4XyZ2", DeliveryAction.Delivered),
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Write_EventsSharingKeys_SameBytesAsTheContractForTheEnginesClassification(BounceEvent[] events)
    {
        var expected = string.Concat(events.Select(e => ClassificationJson.ToJsonLine(Runtime.Classifier.Classify(e)) + Environment.NewLine));
        var classifier = new KeyedClassifier(Runtime.Classifier);
        using var writer = new ClassificationLineWriter();

        foreach (var e in events) writer.Write(e, classifier.Classify(e));

        Assert.Equal(expected, Encoding.UTF8.GetString(writer.Written));
    }

    [Fact]
    public void Clear_AfterLines_OnlyLaterLinesWritten()
    {
        var classifier = new KeyedClassifier(Runtime.Classifier);
        var first = Event(1, "a@icloud.com", "550 5.1.1 <a@icloud.com>: user does not exist");
        var second = Event(2, "b@icloud.com", "550 5.1.1 <b@icloud.com>: user does not exist");
        using var writer = new ClassificationLineWriter();

        writer.Write(first, classifier.Classify(first));
        writer.Clear();
        writer.Write(second, classifier.Classify(second));

        Assert.Equal(ClassificationJson.ToJsonLine(Runtime.Classifier.Classify(second)) + Environment.NewLine, Encoding.UTF8.GetString(writer.Written));
    }
}
