using System.Security.Cryptography;
using DeliverabilityBot.Checks.Dkim;

namespace DeliverabilityBot.Checks.Tests;

public class DkimKeyRecordTests
{
    internal static string RsaKey(int bits)
    {
        using var rsa = RSA.Create(bits);
        return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(1024)]
    public void Parse_RsaKey_ReadsItsSize(int bits) => Assert.Equal(bits, DkimKeyRecord.Parse($"v=DKIM1; k=rsa; p={RsaKey(bits)}").Bits);

    [Fact]
    public void Parse_Pkcs1Key_IsAcceptedAsPublishersDo()
    {
        using var rsa = RSA.Create(2048);
        Assert.Equal(2048, DkimKeyRecord.Parse("p=" + Convert.ToBase64String(rsa.ExportRSAPublicKey())).Bits);
    }

    [Fact]
    public void Parse_KeySplitWithSpaces_IsJoined()
    {
        var key = RsaKey(2048);
        Assert.Equal(2048, DkimKeyRecord.Parse($"v=DKIM1; p={key[..100]} {key[100..]}").Bits);
    }

    [Fact]
    public void Parse_EmptyP_IsRevoked() => Assert.True(DkimKeyRecord.Parse("v=DKIM1; p=").Revoked);

    [Fact]
    public void Parse_TestingFlag_IsRead() => Assert.True(DkimKeyRecord.Parse($"v=DKIM1; t=y:s; p={RsaKey(1024)}").Testing);

    [Fact]
    public void Parse_Ed25519_Is256Bits() => Assert.Equal(256, DkimKeyRecord.Parse("v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(new byte[32])).Bits);

    [Theory]
    [InlineData("v=DKIM1; p=@@@", "not valid base64")]
    [InlineData("v=DKIM1; p=AAAA", "not an RSA public key")]
    [InlineData("v=DKIM2; p=AAAA", "must be DKIM1")]
    [InlineData("v=DKIM1; k=rsa", "no p= tag")]
    [InlineData("v=DKIM1; k=dsa; p=AAAA", "k=dsa")]
    public void Parse_BadRecord_NamesTheProblem(string text, string error) => Assert.Contains(error, DkimKeyRecord.Parse(text).Error);
}
