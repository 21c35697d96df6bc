using CsCheck;

namespace DeliverabilityBot.Ingestion.Tests.Properties;

/// <summary>Generators for bounce evidence: recipients, failures, whole DSN emails and Postfix log lines.</summary>
internal static class EvidenceGen
{
    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12];

    /// <summary>A lower-case address such as <c>k3x@q9.example</c>.</summary>
    public static readonly Gen<string> Address = Gen.Select(Label, Label, Gen.OneOf(Gen.Const("com"), Gen.Const("org"), Gen.Const("net")),
        (local, host, tld) => $"{local}@{host}.{tld}");

    /// <summary>One failed or delayed attempt: recipient, reply code, enhanced status of the same class, reply words.</summary>
    public static readonly Gen<Failure> Failure =
        Gen.Select(Address, Gen.OneOf(Gen.Int[421, 452], Gen.Int[550, 554]), Gen.Int[0, 7], Gen.Int[0, 30], ReplyWords())
            .Select(t => new Failure(t.Item1, t.Item2, $"{t.Item2 / 100}.{t.Item3}.{t.Item4}", t.Item5));

    /// <summary>Any text, weighted towards the characters and keywords evidence is made of.</summary>
    public static readonly Gen<string> Noise = Gen.Frequency(
        (3, Gen.String),
        (3, Gen.String[Gen.Char["abc012345:;.-=<>@ \r\n\t"], 0, 400]),
        (2, Gen.OneOf(Gen.Const("From: a@b\n\n"), Gen.Const("Final-Recipient: rfc822; "), Gen.Const("postfix/smtp[1]: ABC: to=<"),
                Gen.Const("Content-Type: multipart/report; boundary=x\n\n--x\n"), Gen.Const("550 5.1.1 "), Gen.Const("Diagnostic-Code: smtp; "))
            .List[1, 8].Select(Gen.String[0, 40].List[8], (heads, tails) => string.Concat(heads.Select((h, i) => h + tails[i % tails.Count])))));

    /// <summary>A Postfix <c>status=bounced|deferred</c> line for <paramref name="f"/>.</summary>
    public static string PostfixLine(Failure f, int n) =>
        $"Nov 28 05:09:{n % 60:00} mta1 postfix/smtp[2101]: 6F7A8B{n:X4}: to=<{f.Recipient}>, relay=mx.{Domain(f)}[198.51.100.30]:25, " +
        $"delay=1.2, delays=0.05/0.01/0.6/0.5, dsn={f.Status}, status={(f.Code < 500 ? "deferred" : "bounced")} " +
        $"(host mx.{Domain(f)}[198.51.100.30] said: {f.Code} {f.Status} {f.Words} (in reply to RCPT TO command))";

    /// <summary>An RFC 3464 DSN email reporting every failure in <paramref name="failures"/>.</summary>
    public static string DsnEmail(IReadOnlyList<Failure> failures, string newline)
    {
        var groups = failures.Select(f =>
            $"Final-Recipient: rfc822; {f.Recipient}\nAction: {(f.Code < 500 ? "delayed" : "failed")}\nStatus: {f.Status}\n" +
            $"Remote-MTA: dns; mx.{Domain(f)}\nDiagnostic-Code: smtp; {f.Code} {f.Status} {f.Words}\n");
        var text = $"""
            From: MAILER-DAEMON@mta1.example.com
            To: news@example.com
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"

            --B0UND
            Content-Type: text/plain; charset=us-ascii

            Your message could not be delivered.

            --B0UND
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mta1.example.com

            {string.Join("\n", groups)}
            --B0UND--

            """;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", newline, StringComparison.Ordinal);
    }

    private static string Domain(Failure f) => f.Recipient[(f.Recipient.IndexOf('@') + 1)..];

    private static Gen<string> ReplyWords() =>
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz"], 1, 10].List[1, 8].Select(w => string.Join(' ', w));
}

/// <summary>A generated failed or delayed attempt.</summary>
internal sealed record Failure(string Recipient, int Code, string Status, string Words);
