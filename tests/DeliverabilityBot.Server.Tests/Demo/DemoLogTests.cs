using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Server.Demo;

namespace DeliverabilityBot.Server.Tests.Demo;

/// <summary>The demo day read back through the real ingestion parser and the embedded rules.</summary>
public sealed class DemoLogTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<string> Lines = DemoLog.Generate(End);
    private static readonly List<BounceEvent> Events = new MtaLogParser().Parse(Lines, "demo.log").ToList();

    private static bool IsICloud(BounceEvent e) => e.RecipientDomain is "icloud.com" or "me.com" or "mac.com";

    [Fact]
    public void Generate_SameSeed_IsDeterministic() => Assert.Equal(Lines, DemoLog.Generate(End));

    [Fact]
    public void Generate_EveryEventFallsInTheDayBeforeTheEnd()
    {
        Assert.True(Events.Count > 8000, $"{Events.Count} events");
        Assert.All(Events, e => Assert.InRange(e.Timestamp!.Value, End.AddHours(-24), End));
    }

    [Fact]
    public void Parse_ICloudAfterEpisodeStart_IsAboutAThirdDeferred()
    {
        var episode = Events.Where(e => IsICloud(e) && e.Timestamp >= End.AddHours(-24) + DemoLog.EpisodeStart).ToList();
        var deferred = episode.Count(e => e.Action == DeliveryAction.Delayed);
        var share = (double)deferred / episode.Count;
        Assert.InRange(share, 0.2, 0.45);
        Assert.All(episode.Where(e => e.Action == DeliveryAction.Delayed), e => Assert.Equal("421 4.7.0 Deferred", e.Reply.Raw));
    }

    [Fact]
    public void Parse_ICloudBeforeEpisode_IsDeliveredApartFromUnknownUsers()
    {
        var before = Events.Where(e => IsICloud(e) && e.Timestamp < End.AddHours(-24) + DemoLog.EpisodeStart).ToList();
        Assert.NotEmpty(before);
        Assert.DoesNotContain(before, e => e.Action == DeliveryAction.Delayed);
        Assert.All(before.Where(e => e.Action != DeliveryAction.Delivered), e => Assert.Equal(550, e.Reply.Code));
    }

    [Fact]
    public void Parse_Expiries_FollowDeferralsOfTheSameMessage()
    {
        var expired = Events.Where(e => e.Action == DeliveryAction.Failed && e.Stage == SmtpStage.SenderQueue).ToList();
        Assert.NotEmpty(expired);
        Assert.All(expired, e => Assert.True(IsICloud(e)));
    }

    [Fact]
    public void Classify_DemoBounces_EmbeddedRulesRecogniseProofpointAndCs01()
    {
        var rules = RuleSetLoader.Load(RuleSources.Embedded());
        var classifier = new NRulesBounceClassifier(rules);
        var failed = Events.Where(e => IsICloud(e) && e.Action == DeliveryAction.Failed && e.Stage != SmtpStage.SenderQueue).ToList();
        var results = classifier.ClassifyAll(failed);
        Assert.Contains(results, r => r.Filter == "proofpoint");
        Assert.Contains(results, r => r.Findings.Any(f => f.Message.Contains("CS01", StringComparison.Ordinal) || f.Title.Contains("CS01", StringComparison.Ordinal)));
        Assert.All(results, r => Assert.Equal("icloud", r.Receiver));
    }

    [Fact]
    public void Parse_Gmail_IsAlmostAllDelivered()
    {
        var gmail = Events.Where(e => e.RecipientDomain is "gmail.com" or "googlemail.com").ToList();
        Assert.True(gmail.Count(e => e.Action == DeliveryAction.Delivered) > gmail.Count * 0.99);
    }

    [Fact]
    public void Parse_WithTheDemoMtaConfig_EveryAttemptHasItsInstanceIp()
    {
        var folder = Directory.CreateTempSubdirectory("dbot-demo-mta-").FullName;
        try
        {
            var sending = DeliverabilityBot.Ingestion.Sending.SendingMapLoader.Load([DemoLog.WriteMtaConfig(folder)], null, new List<string>());
            var events = new MtaLogParser(sending: sending).Parse(Lines, "demo.log").ToList();
            Assert.All(events, e => Assert.Contains(e.SendingIp, DemoLog.Instances.Select(i => i.Ip)));
            Assert.Equal(DemoLog.Instances.Count, events.Select(e => e.SendingIp).Distinct().Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Parse_Episode_ProofpointBlocksAllOfOneIpsICloudMailAndNoneOfTheOthers()
    {
        var folder = Directory.CreateTempSubdirectory("dbot-demo-mta-").FullName;
        try
        {
            var sending = DeliverabilityBot.Ingestion.Sending.SendingMapLoader.Load([DemoLog.WriteMtaConfig(folder)], null, new List<string>());
            var episode = new MtaLogParser(sending: sending).Parse(Lines, "demo.log")
                .Where(e => IsICloud(e) && e.Timestamp >= End.AddHours(-24) + DemoLog.EpisodeStart).ToList();
            var blockedIp = episode.Where(e => e.SendingIp == DemoLog.SendingIp).ToList();
            Assert.InRange(blockedIp.Count, 20, 200);
            Assert.All(blockedIp, e => Assert.Contains("ipcheck.proofpoint.com/?ip=" + DemoLog.SendingIp, e.Reply.Raw, StringComparison.Ordinal));
            Assert.DoesNotContain(episode.Where(e => e.SendingIp != DemoLog.SendingIp), e => e.Reply.Raw.Contains("proofpoint", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
