using DeliverabilityBot.Checks.Spf;

namespace DeliverabilityBot.Checks.Tests;

public class SpfRecordTests
{
    [Theory]
    [InlineData("v=spf1 -all", true)]
    [InlineData("v=spf1", true)]
    [InlineData("V=SPF1 ip4:192.0.2.1 ~all", true)]
    [InlineData("v=spf10 -all", false)]
    [InlineData("google-site-verification=abc", false)]
    public void IsSpf_Text_SelectsOnlySpfRecords(string text, bool expected) => Assert.Equal(expected, SpfRecord.IsSpf(text));

    [Fact]
    public void Parse_EveryMechanism_ReadsQualifiersArgumentsAndPrefixes()
    {
        var r = SpfRecord.Parse("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a a:mail.example.com/28 mx//64 ~include:_spf.example.net ?exists:%{i}.x.example.com ptr redirect=_spf.example.org exp=explain.example.com -all");
        Assert.Null(r.Error);
        Assert.Equal(["ip4", "ip6", "a", "a", "mx", "include", "exists", "ptr", "redirect", "exp", "all"], r.Terms.Select(t => t.Name));
        Assert.Equal(24, r.Terms[0].Cidr4);
        Assert.Equal("2001:db8::", r.Terms[1].Argument);
        Assert.Equal(32, r.Terms[1].Cidr6);
        Assert.Equal(("mail.example.com", 28), (r.Terms[3].Argument, r.Terms[3].Cidr4!.Value));
        Assert.Equal(64, r.Terms[4].Cidr6);
        Assert.Equal(SpfResult.SoftFail, r.Terms[5].Result);
        Assert.Equal(SpfResult.Neutral, r.Terms[6].Result);
        Assert.Equal("_spf.example.org", r.Redirect);
        Assert.Equal('-', r.All!.Qualifier);
    }

    [Theory]
    [InlineData("v=spf1 ip4:300.1.1.1 -all", "not a valid ip4")]
    [InlineData("v=spf1 ip4:192.0.2.0/33 -all", "out of range")]
    [InlineData("v=spf1 include -all", "needs a domain")]
    [InlineData("v=spf1 allow:192.0.2.1 -all", "not an SPF mechanism")]
    [InlineData("v=spf1 redirect=a.example redirect=b.example", "more than one redirect")]
    [InlineData("v=spf1 -all:foo", "all takes no argument")]
    public void Parse_InvalidTerm_IsAnErrorNamingIt(string text, string error) => Assert.Contains(error, SpfRecord.Parse(text).Error);
}
