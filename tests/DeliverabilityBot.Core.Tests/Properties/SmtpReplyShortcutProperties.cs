using CsCheck;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Core.Tests.Properties;

/// <summary>The single-line shortcut of <see cref="SmtpReplyParser"/> gives what the general parser gave.</summary>
public class SmtpReplyShortcutProperties
{
    private static readonly long Iter = FuzzBudget.Iterations(3000);

    private static readonly Gen<string> Status = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Gen.Const('2'), Gen.Const('4'), Gen.Const('5')), Gen.Int[0, 1200], Gen.Int[0, 1200], (c, s, d) => $"{c}.{s}.{d}")),
        (1, Gen.String[Gen.Char["0123456789.#"], 0, 9]));

    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[Gen.Char["abcdefgXYZ:;,.<>@[]()=/ "], 0, 40]),
        (1, Gen.String[Gen.Char["0123456789.- \t\u00e9\r\n#;"], 0, 30]),
        (1, Gen.OneOf(Gen.Const("Ok: queued as 4XyZ1"), Gen.Const("queued 250-2.0.0 again"), Gen.Const("x 550-5.7.1 y"), Gen.Const("said: 550 5.1.1 x"),
            Gen.Const("<someone@example.org>... 550 5.1.1 User unknown"), Gen.Const("(#5.1.1 - chkusr)"), Gen.Const("Out: 451 4.3.0 Error"))));

    private static readonly Gen<string> Reply = Gen.Select(SmtpGen.Code, Gen.OneOf(Gen.Const(" "), Gen.Const("-"), Gen.Const("  "), Gen.Const("\t")), Status,
        Gen.OneOf(Gen.Const(" "), Gen.Const(""), Gen.Const("  ")), Text, Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\n")),
        (code, sep, status, gap, text, tail) => $"{code}{sep}{status}{gap}{text}{tail}");

    [Fact]
    public void Parse_GeneratedReplies_SameAsGeneralParser()
    {
        Gen.Frequency((8, Reply), (1, SmtpGen.Noise)).Sample(input =>
        {
            var expected = SmtpReplyParser.Parse(input, allowShortcut: false);
            var actual = SmtpReplyParser.Parse(input);
            Assert.Equal((expected.Code, expected.Status, expected.Text, expected.Raw), (actual.Code, actual.Status, actual.Text, actual.Raw));
        }, iter: Iter, threads: FuzzBudget.Threads);
    }
}
