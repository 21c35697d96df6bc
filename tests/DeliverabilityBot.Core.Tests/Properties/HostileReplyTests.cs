using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Core.Tests.Properties;

/// <summary>Explicit hostile replies: huge, binary, broken surrogates. The parser answers, bounded, never throws.</summary>
public class HostileReplyTests
{
    [Fact]
    public void Parse_OneMegabyteReply_CutToLimitAndCodeKept()
    {
        var text = "550 5.7.1 " + new string('x', 1024 * 1024);
        var reply = SmtpReplyParser.Parse(text);
        Assert.Equal(550, reply.Code);
        Assert.Equal("5.7.1", reply.Status?.ToString());
        Assert.True(reply.Raw.Length <= SmtpReplyParser.MaxInputLength);
    }

    [Fact]
    public void Parse_OneMegabyteOfContinuationLines_Bounded()
    {
        var text = string.Concat(Enumerable.Repeat("550-5.7.1 550-5.7.1 a\n", 50_000)) + "550 5.7.1 end";
        var reply = SmtpReplyParser.Parse(text);
        Assert.Equal(550, reply.Code);
        Assert.True(reply.Text.Length <= SmtpReplyParser.MaxInputLength);
    }

    [Fact]
    public void Parse_BinaryGarbageAndLoneSurrogates_NeverThrows()
    {
        var random = new Random(8);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 4096)];
            for (var j = 0; j < chars.Length; j++) chars[j] = (char)random.Next(0, 0x10000);
            var reply = SmtpReplyParser.Parse(new string(chars));
            Assert.NotNull(reply.Text);
        }
    }
}
