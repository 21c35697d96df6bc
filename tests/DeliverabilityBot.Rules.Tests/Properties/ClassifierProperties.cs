using CsCheck;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>
/// The NRules classifier against its oracle, the plain predicate loop, on the shipped rule base: for any reply text,
/// recipient and host they fire the same rules in the same order, and neither throws.
/// </summary>
public class ClassifierProperties
{
    private static readonly LoadedRuleSet Shipped = RuleSetLoader.Load(RuleSources.Embedded());
    private static readonly NRulesBounceClassifier Engine = new(Shipped);
    private static readonly PredicateLoopClassifier Loop = new(Shipped);

    // Fragments of real replies, so generated texts reach many rules instead of none.
    private static readonly string[] Fragments =
    [
        "550", "554", "421", "451", "5.7.1", "4.7.0", "5.1.1", "[CS01]", "[HM08]", "Message rejected due to local policy",
        "ipcheck.proofpoint.com", "spamhaus", "DMARC", "user unknown", "mailbox full", "Try again later", "said:",
        "https://support.apple.com/en-us/HT204137", "blocked", "rate limited", "TLS", "SPF", "DKIM",
    ];

    private static readonly Gen<BounceEvent> Event =
        Gen.Select(
            Gen.Frequency<string>((3, Gen.OneOf<string>(Fragments).List[1, 8].Select(f => string.Join(' ', f))), (1, (IGen<string>)Gen.String)),
            Gen.OneOf<string?>(null, "a@icloud.com", "b@gmail.com", "c@yahoo.com", "d@outlook.com", "e@example.org"),
            Gen.OneOf<string?>(null, "mx01.mail.icloud.com", "mx0a-001.pphosted.com", "gmail-smtp-in.l.google.com"),
            Gen.Enum<DeliveryAction>())
        .Select(t => new BounceEvent
        {
            Reply = SmtpReply.Parse(t.Item1),
            Recipient = t.Item2,
            RecipientDomain = t.Item2?[(t.Item2.IndexOf('@') + 1)..],
            RemoteHost = t.Item3,
            Action = t.Item4,
        });

    [Fact]
    public void Classify_AnyEvent_EngineAgreesWithPlainLoop()
    {
        Event.Sample(e =>
        {
            var engine = Engine.Classify(e);
            var loop = Loop.Classify(e);
            Assert.Equal(loop.Findings.Select(f => f.RuleId), engine.Findings.Select(f => f.RuleId));
            Assert.Equal(loop.Reason, engine.Reason);
            Assert.Equal(loop.Receiver, engine.Receiver);
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }
}
