using CsCheck;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Tests.Properties;

/// <summary>Properties of pasted-evidence parsing: generated DSNs and log lines round-trip; any text is survived.</summary>
public class TextEvidenceParserProperties
{
    private static readonly long Iter = FuzzBudget.Iterations(300);

    [Fact]
    public void Parse_AnyText_NeverThrows()
    {
        EvidenceGen.Noise.Sample(text =>
        {
            var events = TextEvidenceParser.Parse(text, null, "fuzz");
            Assert.All(events, e => Assert.Equal("fuzz", e.Source));
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Parse_GeneratedDsnEmail_OneEventPerRecipientWithItsStatus()
    {
        var gen = Gen.Select(EvidenceGen.Failure.List[1, 5], Gen.OneOf(Gen.Const("\n"), Gen.Const("\r\n")));
        gen.Sample((failures, newline) =>
        {
            var events = TextEvidenceParser.Parse(EvidenceGen.DsnEmail(failures, newline), null, "dsn");
            Assert.Equal(failures.Count, events.Count);
            for (var i = 0; i < failures.Count; i++)
            {
                Assert.Equal(failures[i].Recipient, events[i].Recipient);
                Assert.Equal(failures[i].Status, (events[i].DsnStatus ?? events[i].Reply.Status)?.ToString());
                Assert.Equal(failures[i].Code, events[i].Reply.Code);
                Assert.Equal(failures[i].Code < 500 ? DeliveryAction.Delayed : DeliveryAction.Failed, events[i].Action);
            }
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Parse_MutatedDsnEmail_NeverThrows()
    {
        var gen = Gen.Select(EvidenceGen.Failure.List[1, 3], Gen.Int[0, 2000], Gen.Int[0, 400], Gen.String[0, 20]);
        gen.Sample((failures, cut, at, junk) =>
        {
            var email = EvidenceGen.DsnEmail(failures, "\n");
            var mutated = email[..Math.Min(cut, email.Length)] + junk + email[Math.Min(at, email.Length)..];
            _ = TextEvidenceParser.Parse(mutated, "x@y.example", "mutated");
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Parse_PostfixLinesAmongNoise_OneEventPerDeliveryLine()
    {
        var noiseLine = Gen.String[Gen.Char["abcdefghij :[]=<>"], 0, 120].Where(l => !l.Contains("to=<", StringComparison.Ordinal));
        var gen = Gen.Select(EvidenceGen.Failure.List[1, 6], noiseLine.List[0, 6]);
        gen.Sample((failures, noise) =>
        {
            var lines = failures.Select(EvidenceGen.PostfixLine).Concat(noise).ToList();
            var events = new MtaLogParser().Parse(lines, "log", 2026).ToList();
            Assert.Equal(failures.Count, events.Count);
            for (var i = 0; i < failures.Count; i++)
            {
                Assert.Equal(failures[i].Recipient, events[i].Recipient);
                Assert.Equal(failures[i].Code, events[i].Reply.Code);
                Assert.Equal(i + 1, events[i].Index);
            }
        }, iter: Iter, threads: FuzzBudget.Threads);
    }
}
