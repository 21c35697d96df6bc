using System.Text;
using CsCheck;
using DeliverabilityBot.Ingestion.Mime;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Tests.Mime;

/// <summary>The fast path for plain ASCII parts must give exactly what MimeKit's own decoding gives, or nothing.</summary>
public class AsciiTextContentTests
{
    // Not persistent: the part keeps a copy of its content, so it outlives the stream.
    private static TextPart OnlyPart(string email)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(email));
        var message = MimeMessage.Load(IngestionLimits.Default.ParserOptions, stream);
        return Assert.IsType<TextPart>(message.Body);
    }

    private static string Email(string headers, string body) =>
        "From: MAILER-DAEMON@mx.example.org\r\nTo: a@example.com\r\nSubject: Undeliverable\r\nMIME-Version: 1.0\r\n" + headers + "\r\n" + body;

    [Theory]
    [InlineData("Content-Type: text/plain; charset=us-ascii\r\n")]
    [InlineData("Content-Type: text/plain\r\nContent-Transfer-Encoding: 7bit\r\n")]
    [InlineData("Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: 8bit\r\n")]
    [InlineData("")]
    [InlineData("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n")]
    public void TryRead_PlainAsciiPart_SameAsMimeKit(string headers)
    {
        var part = OnlyPart(Email(headers, "Delivery to the following recipient failed:\r\r\n\r\n  user@example.org\r\n\r\n550 5.1.1 User unknown\r"));
        Assert.Equal(NotificationText.Normalize(part.Text), NotificationText.Normalize(AsciiTextContent.TryRead(part)!));
    }

    [Theory]
    [InlineData("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n", "550 Benutzer unbekannt \u00c3\u00bc\r\n")]
    [InlineData("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n", "NTUwIHVzZXIgdW5rbm93bg==\r\n")]
    public void TryRead_ValidUtf8OrEncodedAscii_SameAsMimeKit(string headers, string body)
    {
        var part = OnlyPart(Email(headers, body));
        Assert.Equal(part.Text, AsciiTextContent.TryRead(part));
    }

    [Theory]
    [InlineData("Content-Type: text/plain; charset=iso-2022-jp\r\n", "\u001b$B%f!<%6!<\u001b(B unknown\r\n")]
    [InlineData("Content-Type: text/plain; charset=unicode-1-1-utf-7\r\n", "550 +ZeVnLIqe- unknown\r\n")]
    [InlineData("Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 8bit\r\n", "550 Benutzer unbekannt \u00c3\u00bc\r\n")]
    [InlineData("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n", "550 Benutzer unbekannt \u00fc\r\n")]
    [InlineData("Content-Type: text/plain\r\n", "550 caf\u00e9\r\n")]
    public void TryRead_PartMimeKitMustDecode_Null(string headers, string body) =>
        Assert.Null(AsciiTextContent.TryRead(OnlyPart(Email(headers, body))));

    [Fact]
    public void TryRead_AnyGeneratedPart_NullOrSameAsMimeKit()
    {
        var charset = OneOf("", "; charset=us-ascii", "; charset=utf-8", "; charset=ISO-8859-1", "; charset=windows-1252",
            "; charset=iso-2022-jp", "; charset=unicode-1-1-utf-7", "; charset=utf-16", "; charset=x-unknown");
        var encoding = OneOf("", "7bit", "8bit", "binary", "quoted-printable", "base64");
        // Mostly plain ASCII or valid UTF-8 (the fast path; as Latin-1 characters, one per byte), sometimes with the
        // bytes it must leave to MimeKit, sometimes properly base64-encoded.
        var token = OneOf("a", "Z", "5", " ", "\t", "\r", "\r\n", "\n", "=", "=3D", "=\r\n", "+", "@", "\u00c3\u00a9", "\u00ef\u00bb\u00bf");
        var tokens = token.Array[0, 80].Select(t => string.Concat(t));
        var base64 = tokens.Select(t => Convert.ToBase64String(Encoding.Latin1.GetBytes(t), Base64FormattingOptions.InsertLineBreaks));
        var body = Gen.OneOf(tokens, base64, Gen.String[Gen.Char["aZ5 \t\r\r\r\n\n=+-<>@"], 0, 200], Gen.String[Gen.Char["aZ5 \r\n=+\u001b\0\u00e9\u00c3"], 0, 40]);
        Gen.Select(charset, encoding, body).Sample((cs, cte, text) =>
        {
            var headers = $"Content-Type: text/plain{cs}\r\n" + (cte.Length > 0 ? $"Content-Transfer-Encoding: {cte}\r\n" : "");
            var part = OnlyPart(Email(headers, text));
            var fast = AsciiTextContent.TryRead(part);
            string slow;
            try { slow = part.Text; }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException) { return fast is null; }
            return fast is null || NotificationText.Normalize(fast) == NotificationText.Normalize(slow);
        }, iter: 3000);
    }

    private static Gen<string> OneOf(params string[] values) => Gen.OneOf([.. values.Select(Gen.Const)]);

    [SkippableFact]
    public void TryRead_EveryCorpusTextPart_NullOrSameAsMimeKit()
    {
        var maildir = TestPaths.RequireShared("corpus", "sisimai", "maildir");
        var compared = 0;
        foreach (var file in Directory.EnumerateFiles(maildir, "*", SearchOption.AllDirectories))
        {
            MimeMessage message;
            using (var stream = new MemoryStream(File.ReadAllBytes(file)))
            {
                try { message = MimeMessage.Load(IngestionLimits.Default.ParserOptions, stream, persistent: true); }
                catch (FormatException) { continue; }
                foreach (var part in message.BodyParts.OfType<TextPart>())
                {
                    if (AsciiTextContent.TryRead(part) is not { } fast) continue;
                    Assert.Equal(NotificationText.Normalize(part.Text), NotificationText.Normalize(fast));
                    compared++;
                }
            }
        }
        Assert.True(compared > 100, $"only {compared} parts took the fast path");
    }
}
