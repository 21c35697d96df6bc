using System.Reflection;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Tests.Classification;

/// <summary>
/// The cache key must hold every field rule matching can read. These tests fail when a condition field, an
/// <see cref="EventFacts"/> input or an event property appears that nobody has decided about for the key.
/// </summary>
public class ClassificationCacheKeyTests
{
    // Each condition field a rule may use, and a change to the event that the field sees.
    private static readonly Dictionary<string, Func<BounceEvent, BounceEvent>> LeafChanges = new()
    {
        ["receiver"] = e => With(e, nameof(BounceEvent.RecipientDomain), "other.example"),
        ["domain"] = e => With(e, nameof(BounceEvent.RecipientDomain), "other.example"),
        ["host"] = e => With(e, nameof(BounceEvent.RemoteHost), "mx.other.example"),
        ["code"] = e => With(e, nameof(BounceEvent.Reply), SmtpReply.Parse("421 5.7.1 blocked")),
        ["status"] = e => With(e, nameof(BounceEvent.DsnStatus), new EnhancedStatusCode(5, 1, 1)),
        ["contains"] = e => With(e, nameof(BounceEvent.Reply), SmtpReply.Parse("554 5.7.1 refused")),
        ["regex"] = e => With(e, nameof(BounceEvent.Reply), SmtpReply.Parse("554 5.7.1 refused")),
        ["stage"] = e => With(e, nameof(BounceEvent.Stage), SmtpStage.Data),
        ["action"] = e => With(e, nameof(BounceEvent.Action), DeliveryAction.Delayed),
        ["kind"] = e => With(e, nameof(BounceEvent.Kind), EvidenceKind.LogLine),
        ["format"] = e => With(e, nameof(BounceEvent.SourceFormat), "mcafee"),
    };

    // Event properties in the key (read by conditions, attribution or the merge).
    private static readonly string[] Keyed = ["Reply", "DsnStatus", "RecipientDomain", "RemoteHost", "Stage", "Action", "Kind", "SourceFormat"];

    // Event properties no condition reads (HeaderMessageId and Stream join and group messages in the store); messages
    // read Recipient and RemoteIp, filled per event on a hit.
    private static readonly string[] NotKeyed = ["Source", "Index", "MessageIndex", "Recipient", "Sender", "SenderDomain", "RemoteIp", "SendingIp", "ReportingMta", "Timestamp", "MessageId", "HeaderMessageId", "Stream", "Hints"];

    private static readonly BounceEvent Sample = new()
    {
        Recipient = "someone@icloud.com", RecipientDomain = "icloud.com", RemoteHost = "mx01.mail.icloud.com", RemoteIp = "17.57.154.6",
        Reply = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"), Stage = SmtpStage.RcptTo,
    };

    [Fact]
    public void Key_EveryConditionField_HasAChangeThatAltersTheKey()
    {
        Assert.True(RuleKeys.Leaves.SetEquals(LeafChanges.Keys),
            $"condition fields changed ({string.Join(", ", RuleKeys.Leaves)}): put the event fields a new one reads into ClassificationCacheKey, then list it here");
        foreach (var (leaf, change) in LeafChanges)
            Assert.True(ClassificationCacheKey.Of(Sample) != ClassificationCacheKey.Of(change(Sample)), $"the key does not see '{leaf}'");
    }

    [Fact]
    public void Key_EventFactsProperties_AllDerivedFromKeyedFields()
    {
        var facts = typeof(EventFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        // Each is computed from Reply, DsnStatus, RecipientDomain and RemoteHost in EventFacts' constructor; a new one
        // must be too, or its input must join the key.
        Assert.Equal(["Buckets", "Code", "Domain", "Event", "Host", "Receiver", "ReplyClass", "Status", "Text"], facts);
    }

    [Fact]
    public void Key_ReplyProperties_TextCodeAndStatusKeyed()
    {
        var reply = typeof(SmtpReply).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        // Raw is display only (conditions read Text); IsEmpty and ReplyClass derive from Code, Status and Text.
        Assert.Equal(["Code", "IsEmpty", "Raw", "ReplyClass", "Status", "Text"], reply);
        Assert.NotEqual(ClassificationCacheKey.Of(Sample), ClassificationCacheKey.Of(With(Sample, "Reply", SmtpReply.Parse("554 5.7.1 [CS01] Message rejected"))));
        Assert.NotEqual(ClassificationCacheKey.Of(Sample), ClassificationCacheKey.Of(With(Sample, "Reply", SmtpReply.Parse("550 5.7.1 [CS01] Message rejected due to local policy"))));
        Assert.NotEqual(ClassificationCacheKey.Of(Sample), ClassificationCacheKey.Of(With(Sample, "Reply", SmtpReply.Parse("554 5.7.0 [CS01] Message rejected due to local policy"))));
    }

    [Fact]
    public void Key_EveryEventProperty_IsKeyedOrDecidedNotRead()
    {
        var all = typeof(BounceEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();

        Assert.True(all.SetEquals(Keyed.Concat(NotKeyed)),
            $"BounceEvent properties changed ({string.Join(", ", all.Except(Keyed.Concat(NotKeyed)))} undecided): if a rule can read it, add it to ClassificationCacheKey");
        foreach (var name in Keyed)
            Assert.True(ClassificationCacheKey.Of(Sample) != ClassificationCacheKey.Of(With(Sample, name, OtherValue(name))), $"the key does not see {name}");
    }

    [Fact]
    public void Classify_EventsDifferingOnlyInUnkeyedProperty_CachedEqualsUncached()
    {
        var engine = new NRulesBounceClassifier(TestRules.Valid);
        foreach (var name in NotKeyed)
        {
            var cache = new CachingBounceClassifier(engine);
            var changed = With(Sample, name, OtherValue(name));
            Assert.Equal(ClassificationCacheKey.Of(Sample), ClassificationCacheKey.Of(changed));

            cache.Classify(Sample);
            var hit = cache.Classify(changed);

            Assert.Equal(1, cache.Hits);
            Assert.Equal(PublicState.Of(engine.Classify(changed)), PublicState.Of(hit));
        }
    }

    private static object? OtherValue(string property) => property switch
    {
        "Reply" => SmtpReply.Parse("421 4.7.0 try later"),
        "DsnStatus" => new EnhancedStatusCode(4, 4, 1),
        "RecipientDomain" => "other.example",
        "RemoteHost" => "mx.other.example",
        "Stage" => SmtpStage.Data,
        "Action" => DeliveryAction.Delayed,
        "Kind" => EvidenceKind.Feedback,
        "Index" => 9,
        "MessageIndex" => 3,
        "Recipient" => "other@icloud.com",
        "RemoteIp" => "198.51.100.4",
        "Timestamp" => new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        "Hints" => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Feedback-Type"] = "abuse" },
        _ => "changed-" + property,
    };

    private static BounceEvent With(BounceEvent e, string property, object? value)
    {
        var copy = new BounceEvent();
        foreach (var p in typeof(BounceEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            p.SetValue(copy, p.Name == property ? value : p.GetValue(e));
        return copy;
    }
}
