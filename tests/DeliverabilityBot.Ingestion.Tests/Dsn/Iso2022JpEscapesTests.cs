using DeliverabilityBot.Ingestion.Dsn;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Dsn;

public class Iso2022JpEscapesTests
{
    [Fact]
    public void Decode_RawIso2022JpField_JapaneseText()
    {
        const string raw = "\u001b$B%f!<%6!<\u001b(B Neko \u001b$B$O\u001b(B Domino";
        Assert.Equal("ユーザー Neko は Domino", Iso2022JpEscapes.Decode(raw));
    }

    [Theory]
    [InlineData("550 5.1.1 User unknown")]
    [InlineData("no escape but \u001b[0m terminal colour")]
    public void Decode_TextWithoutIso2022JpEscapes_Unchanged(string text) => Assert.Equal(text, Iso2022JpEscapes.Decode(text));

    [Fact]
    public void Parse_ShiftJisNotification_DecodedForTheRules()
    {
        var sjis = System.Text.Encoding.GetEncoding("shift_jis", System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ExceptionFallback);
        var body = Convert.ToBase64String(sjis.GetBytes("someone@example.org: 宛先のメールボックスが見つかりません\n"));
        var mail = "From: MAILER-DAEMON@mx.example.jp\nTo: news@example.com\nSubject: Undeliverable\nMIME-Version: 1.0\nContent-Type: text/plain; charset=Shift_JIS\nContent-Transfer-Encoding: base64\n\n" + body + "\n";
        var e = Assert.Single(TextEvidenceParser.Parse(mail, null, "sjis.eml"));
        Assert.Contains("宛先のメールボックスが見つかりません", e.Reply.Text, StringComparison.Ordinal);
    }
}
