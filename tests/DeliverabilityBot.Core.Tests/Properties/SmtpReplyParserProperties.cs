using CsCheck;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Core.Tests.Properties;

/// <summary>Properties of <see cref="SmtpReplyParser"/> over generated replies and noise.</summary>
public class SmtpReplyParserProperties
{
    private static readonly long Iter = FuzzBudget.Iterations(500);

    [Fact]
    public void Parse_AnyString_NeverThrowsAndStaysWithinBounds()
    {
        SmtpGen.Noise.Sample(s =>
        {
            var reply = SmtpReplyParser.Parse(s);
            Assert.NotNull(reply.Text);
            Assert.True(reply.Raw.Length <= SmtpReplyParser.MaxInputLength);
            Assert.True(reply.Code is null or >= 200 and <= 599, $"code {reply.Code}");
            Assert.True(reply.Status is null || reply.Status.Class is 2 or 4 or 5, $"status {reply.Status}");
            Assert.DoesNotContain("  ", reply.Text, StringComparison.Ordinal);
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Parse_SingleLineReply_RoundTripsCodeStatusAndText()
    {
        var gen = SmtpGen.Code.SelectMany(c => SmtpGen.StatusFor(c).Select(SmtpGen.Text, (s, t) => (c, s, t)));
        gen.Sample((code, status, text) =>
        {
            var reply = SmtpReplyParser.Parse($"{code} {status} {text}");
            Assert.Equal(code, reply.Code);
            Assert.Equal(status, reply.Status?.ToString());
            Assert.Equal(text, reply.Text);
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Parse_MultiLineReply_JoinsLinesAndKeepsCodeAndStatus()
    {
        var gen = SmtpGen.Code.SelectMany(c => SmtpGen.StatusFor(c).Select(SmtpGen.Text.List[1, 6], (s, lines) => (c, s, lines)));
        gen.Sample((code, status, lines) =>
        {
            var wire = string.Join("\r\n", lines.Select((l, i) => $"{code}{(i == lines.Count - 1 ? ' ' : '-')}{status} {l}"));
            var reply = SmtpReplyParser.Parse(wire);
            Assert.Equal(code, reply.Code);
            Assert.Equal(status, reply.Status?.ToString());
            Assert.Equal(string.Join(' ', lines), reply.Text);
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Parse_DiagnosticCodeWrapper_SameAsBareReply()
    {
        var gen = SmtpGen.Code.SelectMany(c => SmtpGen.StatusFor(c).Select(SmtpGen.Text, (s, t) => $"{c} {s} {t}"));
        gen.Sample(bare =>
        {
            var plain = SmtpReplyParser.Parse(bare);
            var wrapped = SmtpReplyParser.Parse("Diagnostic-Code: smtp; " + bare);
            Assert.Equal(plain.Code, wrapped.Code);
            Assert.Equal(plain.Status, wrapped.Status);
            Assert.Equal(plain.Text, wrapped.Text);
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void TryParse_FormattedStatus_RoundTrips()
    {
        Gen.Select(Gen.Int[2, 5], Gen.Int[0, 999], Gen.Int[0, 999]).Where(t => t.Item1 != 3).Sample((c, s, d) =>
        {
            Assert.True(EnhancedStatusCode.TryParse($"{c}.{s}.{d}", out var code));
            Assert.Equal(new EnhancedStatusCode(c, s, d), code);
            Assert.Equal($"{c}.{s}.{d}", code.ToString());
        }, iter: Iter, threads: FuzzBudget.Threads);
    }
}
