using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Queries;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Conversation.Tests.Fakes;

/// <summary>The seed episode as the engine would report it: iCloud deferring through Proofpoint, Gmail healthy.</summary>
public static class Scenario
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    public const string DeferralReply = "421 4.7.0 Deferred";
    public const string BlockReply = "550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7";

    public static FakeQueries Create()
    {
        var q = new FakeQueries { Latest = Now.AddMinutes(-5) };
        var window = new TimeWindow(Now.AddHours(-24), Now);
        q.Why["icloud"] = new WhyReport
        {
            Receiver = "icloud", Window = window, Attempts = 2000, Delivered = 1300, Deferred = 620, Bounced = 80,
            Diagnoses =
            [
                new Diagnosis
                {
                    Id = "DIAG1001", Title = "Proofpoint reputation deferrals at iCloud's edge", Category = "reputation", Confidence = 0.85,
                    Scope = "receiver:icloud", Score = 9,
                    Evidence = new DiagnosisEvidence
                    {
                        Figures = [new EvidenceFigure("deferral rate", "31% (620 of 2,000 attempts)")],
                        Examples = [new EvidenceExample(Now.AddHours(-1), "jane@icloud.com", "mx01.mail.icloud.com", "203.0.113.7", DeferralReply, ["ICL1010"])],
                        FirstSeen = Now.AddHours(-20), LastSeen = Now.AddHours(-1),
                    },
                    Explanation = "Apple's edge filters with Proofpoint; its dynamic reputation delays mail from IPs it scores as spammy.",
                    Actions = ["Look up 203.0.113.7 at https://ipcheck.proofpoint.com/", "Lower concurrency to Apple domains"],
                    Rules = ["DIAG1001", "ICL1010", "PPT1001"],
                    References = ["https://www.proofpoint.com/us/support-services/ip-blocked-faq", "javascript:alert(1)"],
                },
                new Diagnosis
                {
                    Id = "DIAG1005", Title = "Queue expiries after repeated deferrals", Category = "sender-queue", Confidence = 0.7,
                    Scope = "receiver:icloud", Score = 5,
                    Explanation = "554 5.4.7 is our own MTA giving up after the deferrals.",
                    Actions = ["Fix the deferrals first", "Lower concurrency to Apple domains"],
                    Rules = ["DIAG1005", "SND1001"],
                },
            ],
        };
        q.Why["gmail"] = new WhyReport
        {
            Receiver = "gmail", Window = window, Attempts = 5000, Delivered = 4990, Deferred = 8, Bounced = 2,
            Diagnoses = [new Diagnosis { Id = "DIAG1099", Title = "No systemic problem at Gmail", Category = "none", Confidence = 0.9, Scope = "receiver:gmail" }],
        };
        q.Stats["icloud"] = new StatsReport
        {
            Receiver = "icloud", Window = window, Total = new StatsRow("total", 2000, 1300, 620, 80),
            ByReason = [new StatsRow("blocked", 700, 0, 620, 80)],
            BySendingIp = [new StatsRow("203.0.113.7", 2000, 1300, 620, 80)],
            ByHour = [new StatsRow("2026-11-28T03", 100, 60, 38, 2)],
        };
        q.Stats["gmail"] = new StatsReport { Receiver = "gmail", Window = window, Total = new StatsRow("total", 5000, 4990, 8, 2) };
        q.Examples["icloud"] =
        [
            new EvidenceExample(Now.AddHours(-1), "jane@icloud.com", "mx01.mail.icloud.com", "203.0.113.7", DeferralReply, ["ICL1010"]),
            new EvidenceExample(Now.AddHours(-2), "bob@me.com", "mx02.mail.icloud.com", "203.0.113.7", BlockReply, ["ICL1020", "PPT1001"]),
        ];
        q.Examples["gmail"] = [new EvidenceExample(Now.AddHours(-3), "sam@gmail.com", "gmail-smtp-in.l.google.com", "203.0.113.8", "452 4.2.2 The recipient's inbox is out of storage space", ["GML1010"])];
        q.Rules.Add(Cs01Rule);
        q.ExplainWith = (text, recipient) => text.Contains("CS01", StringComparison.Ordinal) && text.Contains("local policy", StringComparison.Ordinal)
            ? [Cs01(text, recipient)]
            : [];
        return q;
    }

    public static readonly RuleInfo Cs01Rule = new("ICL1001", "iCloud [CS01] policy rejection", RuleSeverity.Error, RuleScope.Receiver, "content-policy",
        "iCloud's filters refused the message itself.", ["Do not suppress the recipient", "Test the same mail without links"],
        "https://support.apple.com/en-us/102322", [], ["554 5.7.1 [CS01] Message rejected due to local policy"], "rules/receivers/icloud.yaml");

    public static BounceClassification Cs01(string text, string? recipient) => new()
    {
        Event = new BounceEvent { Reply = SmtpReply.Parse(text), RecipientDomain = recipient, Action = DeliveryAction.Failed },
        Findings =
        [
            new Finding
            {
                RuleId = "ICL1001", Title = Cs01Rule.Title, Message = "iCloud refused the message under its local policy ([CS01])",
                Category = "content-policy", Reason = "policyviolation", Receiver = "icloud", Explanation = Cs01Rule.Explanation,
                Actions = Cs01Rule.Actions, References = ["https://support.apple.com/en-us/102322"],
            },
        ],
        Reason = "policyviolation", Receiver = "icloud", HardBounce = false, Retryable = false,
    };
}
