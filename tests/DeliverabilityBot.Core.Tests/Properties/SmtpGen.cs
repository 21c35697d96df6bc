using CsCheck;

namespace DeliverabilityBot.Core.Tests.Properties;

/// <summary>Generators for SMTP reply text: well-formed parts to build replies from, and hostile noise.</summary>
internal static class SmtpGen
{
    /// <summary>A reply code 200-599 whose class is 2, 4 or 5.</summary>
    public static readonly Gen<int> Code = Gen.OneOf(Gen.Int[200, 299], Gen.Int[400, 499], Gen.Int[500, 599]);

    /// <summary>An enhanced status code "c.s.d" whose class matches <paramref name="replyCode"/>.</summary>
    public static Gen<string> StatusFor(int replyCode) =>
        Gen.Select(Gen.Int[0, 999], Gen.Int[0, 999], (s, d) => $"{replyCode / 100}.{s}.{d}");

    /// <summary>Reply text: words without digits-dot patterns or line breaks, so the code and status stay unambiguous.</summary>
    public static readonly Gen<string> Text =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ[]()<>@_=/"], 1, 12].List[1, 12].Select(w => string.Join(' ', w));

    /// <summary>Any string at all, weighted towards characters that matter to the parser.</summary>
    public static readonly Gen<string> Noise = Gen.Frequency(
        (3, Gen.String),
        (3, Gen.String[Gen.Char["0123456789.- \r\n\t#;:<>smtpSaid"], 0, 300]),
        (1, Gen.String[Gen.Char, 0, 2000]));
}
