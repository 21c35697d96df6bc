using System.Text;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Rules.Diagnosis.Loading;

namespace DeliverabilityBot.Rules.Tests.Diagnosis;

/// <summary>Diagnoses rank by the messages they affect, not by attempts: retries of one message count once.</summary>
public sealed class DiagnosisMessageRankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Rule(string id, string ruleGlob) => $$"""
        family: DIAG
        rules:
          - id: {{id}}
            title: "{{id}} at {receiver}"
            message: "{signalCount} of {attempts}"
            category: reputation
            severity: error
            helpUri: https://example.com/help
            references:
              - url: https://example.com/source
                confidence: official
            signal:
              rules: [{{ruleGlob}}]
            when:
              signalCount: {min: 1}
            explanation: Why it matters.
            actions: [Do the thing.]
            examples: [some-scenario]
        """;

    private static DiagnosisEngine Engine()
    {
        var files = new[] { ("a.yaml", Rule("DIAG1901", "AAA*")), ("b.yaml", Rule("DIAG1902", "BBB*")) };
        var loaded = DiagnosisRuleLoader.Load(files.Select(f => (f.Item1, (Func<Stream>)(() => new MemoryStream(Encoding.UTF8.GetBytes(f.Item2))))).ToList());
        Assert.Empty(loaded.Diagnostics);
        return new DiagnosisEngine(loaded.Rules);
    }

    private static AggregateRow Attempts(DeliveryAction action, string ruleId, long ruleSetId, string ip, long count) =>
        new("gmail", action, "blocked", "reputation", null, [ruleId], ruleSetId, ip, "example.com", count, T0, T0.AddHours(1));

    private static MessageRow Messages(MessageOutcome outcome, string ruleId, long ruleSetId, string ip, long count) =>
        new("gmail", ip, "example.com", null, outcome, true, [ruleId], ruleSetId, count);

    // DIAG1901: 12 deferrals of 2 messages (retries); DIAG1902: 5 bounces of 5 messages. Attempts say 1901, messages say 1902.
    private static readonly AggregateRow[] Current =
    [
        Attempts(DeliveryAction.Delayed, "AAA1001", 1, "192.0.2.1", 12),
        Attempts(DeliveryAction.Failed, "BBB1001", 2, "192.0.2.1", 5),
        new("gmail", DeliveryAction.Delivered, "", "", null, [], 0, "192.0.2.1", "example.com", 40, T0, T0.AddHours(1)),
    ];

    private static readonly MessageRow[] MessageRows =
    [
        Messages(MessageOutcome.Pending, "AAA1001", 1, "192.0.2.1", 2),
        Messages(MessageOutcome.Bounced, "BBB1001", 2, "192.0.2.1", 5),
        new("gmail", "192.0.2.1", "example.com", null, MessageOutcome.Delivered, false, [], 0, 40),
    ];

    private static DiagnosisInput Input(IReadOnlyList<MessageRow> messages, string? receiver = null) => new()
    {
        Receiver = receiver,
        Window = new TimeWindow(T0, T0.AddDays(1)),
        Current = Current,
        Messages = messages,
    };

    [Fact]
    public void Diagnose_MoreAttemptsFewerMessages_RanksByMessages()
    {
        var ranked = Engine().Diagnose(Input(MessageRows)).Diagnoses;
        Assert.Equal(["DIAG1902", "DIAG1901"], ranked.Select(r => r.Diagnosis.Id).Take(2));
        Assert.Equal(5, ranked[0].Fact.SignalMessages);
        Assert.Equal(2, ranked[1].Fact.SignalMessages);
        Assert.Equal(47, ranked[0].Fact.Messages);
    }

    [Fact]
    public void Diagnose_NoMessageRows_RanksByAttempts()
    {
        var ranked = Engine().Diagnose(Input([])).Diagnoses;
        Assert.Equal(["DIAG1901", "DIAG1902"], ranked.Select(r => r.Diagnosis.Id).Take(2));
        Assert.Null(ranked[0].Fact.SignalMessages);
    }

    [Fact]
    public void Build_AnotherReceiversMessages_NotCountedInThisReceiversScope()
    {
        var withYahoo = MessageRows.Append(new("yahoo", "192.0.2.1", "example.com", null, MessageOutcome.Bounced, true, ["BBB1001"], 2, 30)).ToList();
        var facts = SignalFactBuilder.Build(Input(withYahoo, "gmail"), Engine().Rules);
        var b = facts.Single(f => f.RuleId == "DIAG1902" && f.Scope == "receiver:gmail");
        Assert.Equal(5, b.SignalMessages);
        Assert.Equal(47, b.Messages);
    }

    [Fact]
    public void Build_ExpiredMessages_CountInTheExpirySignalOnceEach()
    {
        // 3 messages deferred (rule set 1) then expired (rule set 3): their trouble stays the deferral; 1 expired with no deferral seen (rule set 3).
        var expiry = new AggregateRow("gmail", DeliveryAction.Failed, "expired", "expired", null, ["BBB2001"], 3, "192.0.2.1", "example.com", 4, T0, T0.AddHours(1));
        var input = new DiagnosisInput
        {
            Window = new TimeWindow(T0, T0.AddDays(1)),
            Current = [Attempts(DeliveryAction.Delayed, "AAA1001", 1, "192.0.2.1", 9), expiry],
            Messages = [Messages(MessageOutcome.Expired, "AAA1001", 1, "192.0.2.1", 3), Messages(MessageOutcome.Expired, "BBB2001", 3, "192.0.2.1", 1)],
        };
        var facts = SignalFactBuilder.Build(input, Engine().Rules);
        Assert.Equal(3, facts.Single(f => f.RuleId == "DIAG1901").SignalMessages); // the deferral episode: 3 messages
        Assert.Equal(4, facts.Single(f => f.RuleId == "DIAG1902").SignalMessages); // the expiries: 4 messages
    }
}
