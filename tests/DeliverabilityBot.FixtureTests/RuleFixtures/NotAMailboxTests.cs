using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.FixtureTests.RuleFixtures;

/// <summary>
/// Replies that look like a mailbox problem and are not (tests/fixtures/not-a-mailbox/replies.yaml): none may come out
/// as a hard bounce, a mailbox reason or advice to remove the recipient. Those verdicts delete customers.
/// </summary>
public class NotAMailboxTests
{
    private static readonly Lazy<NRulesBounceClassifier> Classifier = new(() => new NRulesBounceClassifier(ShippedRules.Rules));

    public static TheoryData<string, string?, string?> Replies()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var (reply, to, stage) in Read()) data.Add(reply, to, stage);
        return data;
    }

    [Fact]
    public void DataSet_HasAtLeastSixtyReplies() => Assert.True(Read().Count >= 60, $"only {Read().Count} replies in the not-a-mailbox set");

    [Theory]
    [MemberData(nameof(Replies))]
    public void Classify_ReplyAboutSenderIpAccountOrPolicy_NoSuppressVerdict(string reply, string? to, string? stage)
    {
        var events = Events(reply, to ?? "someone@example.org", stage);
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var c = Classifier.Value.Classify(e);
            var rules = string.Join(", ", c.Findings.Select(f => f.RuleId));
            Assert.False(c.HardBounce, $"hard bounce from {rules}");
            Assert.DoesNotContain(c.Reason, RemovalAdvice.MailboxReasons);
            Assert.DoesNotContain(RemovalAdvice.Actions(c), RemovalAdvice.IsRemovalAdvice);
        }
    }

    [Theory]
    [InlineData("<-- 451 Please try again later")]
    [InlineData(">>> 451 Please try again later")]
    [InlineData("2026-12-08 03:00:01 <-- 451 Please try again later")]
    [InlineData("Dec  8 03:00:01 <-- 451 Please try again later")]
    [InlineData("host mx.example.org[192.0.2.5] said: 451 Please try again later (in reply to RCPT TO command)")]
    public void Classify_TemporaryReplyBehindLogPrefix_StaysTemporary(string line)
    {
        var c = Classifier.Value.Classify(TextEvidenceParser.Parse(line, "someone@example.org", "test")[0]);
        Assert.Equal(451, c.Event.Reply.Code);
        Assert.True(c.Retryable);
        Assert.False(c.HardBounce);
    }

    private static IReadOnlyList<BounceEvent> Events(string reply, string to, string? stage) =>
        stage is null
            ? TextEvidenceParser.Parse(reply, to, "not-a-mailbox")
            : [ExampleEvents.Build(new ExampleCase { Reply = reply, To = to, Stage = Stage(stage) }, "not-a-mailbox")];

    private static SmtpStage Stage(string name) => name switch
    {
        "connect" => SmtpStage.Connect,
        "helo" => SmtpStage.Helo,
        "mail-from" => SmtpStage.MailFrom,
        "rcpt-to" => SmtpStage.RcptTo,
        _ => throw new ArgumentException($"unknown stage '{name}' in not-a-mailbox/replies.yaml"),
    };

    private static List<(string Reply, string? To, string? Stage)> Read()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(TestPaths.InRepo("tests", "fixtures", "not-a-mailbox", "replies.yaml"))) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var list = new List<(string, string?, string?)>();
        foreach (var item in ((YamlSequenceNode)root["replies"]).Children.Cast<YamlMappingNode>())
            list.Add((Scalar(item, "reply")!, Scalar(item, "to"), Scalar(item, "stage")));
        return list;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
}
