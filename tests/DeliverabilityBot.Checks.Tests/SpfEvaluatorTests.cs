using System.Net;
using DeliverabilityBot.Checks.Spf;

namespace DeliverabilityBot.Checks.Tests;

public class SpfEvaluatorTests
{
    private static async Task<SpfEvaluation> Check(FakeDnsServer server, string ip, string domain = "example.com") =>
        await new SpfEvaluator(Fake.Resolver(server)).CheckHostAsync(IPAddress.Parse(ip), domain, "postmaster@" + domain, default);

    [Theory]
    [InlineData("203.0.113.7", SpfResult.Pass)]
    [InlineData("198.51.100.9", SpfResult.SoftFail)]
    public async Task CheckHost_IncludeChain_PassesListedIpsAndSoftfailsOthers(string ip, SpfResult expected)
    {
        await using var server = FakeDnsServer.Start()
            .Txt("example.com", "v=spf1 include:_spf.esp.example ~all")
            .Txt("_spf.esp.example", "v=spf1 ip4:203.0.113.0/24 -all");
        Assert.Equal(expected, (await Check(server, ip)).Result);
    }

    [Fact]
    public async Task CheckHost_AAndMxMechanisms_MatchTheirAddresses()
    {
        await using var server = FakeDnsServer.Start()
            .Txt("example.com", "v=spf1 a mx:mail.example.com/30 -all")
            .A("example.com", "192.0.2.10")
            .Mx("mail.example.com", (10, "mx.example.com"))
            .A("mx.example.com", "198.51.100.4");
        Assert.Equal(SpfResult.Pass, (await Check(server, "192.0.2.10")).Result);
        Assert.Equal(SpfResult.Pass, (await Check(server, "198.51.100.6")).Result); // inside the /30
        Assert.Equal(SpfResult.Fail, (await Check(server, "198.51.100.8")).Result);
    }

    [Fact]
    public async Task CheckHost_Redirect_TakesTheTargetsResult()
    {
        await using var server = FakeDnsServer.Start()
            .Txt("example.com", "v=spf1 redirect=_spf.example.net")
            .Txt("_spf.example.net", "v=spf1 ip6:2001:db8::/32 -all");
        Assert.Equal(SpfResult.Pass, (await Check(server, "2001:db8::1")).Result);
        Assert.Equal(SpfResult.Fail, (await Check(server, "2001:db9::1")).Result);
    }

    [Fact]
    public async Task CheckHost_ExistsWithMacro_QueriesTheExpandedName()
    {
        await using var server = FakeDnsServer.Start()
            .Txt("example.com", "v=spf1 exists:%{ir}._spf.example.com -all")
            .A("7.113.0.203._spf.example.com", "127.0.0.2");
        Assert.Equal(SpfResult.Pass, (await Check(server, "203.0.113.7")).Result);
        Assert.Contains("7.113.0.203._spf.example.com A", server.Asked);
    }

    [Fact]
    public async Task CheckHost_ElevenLookups_IsPermerror()
    {
        await using var server = FakeDnsServer.Start();
        server.Txt("example.com", "v=spf1 " + string.Join(' ', Enumerable.Range(1, 11).Select(i => $"include:i{i}.example.net")) + " -all");
        for (var i = 1; i <= 11; i++) server.Txt($"i{i}.example.net", $"v=spf1 ip4:192.0.2.{i} -all");
        var e = await Check(server, "198.51.100.1");
        Assert.Equal(SpfResult.PermError, e.Result);
        Assert.Contains("more than 10 DNS-querying terms", e.Explanation);
    }

    [Fact]
    public async Task CheckHost_ThreeVoidLookups_IsPermerror()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com -all");
        var e = await Check(server, "192.0.2.1");
        Assert.Equal(SpfResult.PermError, e.Result);
        Assert.Contains("void lookups", e.Explanation);
    }

    [Fact]
    public async Task CheckHost_TwoRecords_IsPermerror()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 -all", "v=spf1 ip4:192.0.2.1 -all");
        Assert.Equal(SpfResult.PermError, (await Check(server, "192.0.2.1")).Result);
    }

    [Fact]
    public async Task CheckHost_IncludeOfDomainWithoutSpf_IsPermerror()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 include:gone.example.net -all").Txt("gone.example.net", "hello");
        Assert.Equal(SpfResult.PermError, (await Check(server, "192.0.2.1")).Result);
    }

    [Fact]
    public async Task CheckHost_IncludeThatTimesOut_IsTemperror()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 include:slow.example.net -all").Unanswered("slow.example.net");
        var e = await new SpfEvaluator(Fake.Resolver(server, timeoutSeconds: 0.3)).CheckHostAsync(IPAddress.Parse("192.0.2.1"), "example.com", "postmaster@example.com", default);
        Assert.Equal(SpfResult.TempError, e.Result);
    }

    [Theory]
    [InlineData("192.0.2.0", "192.0.2.255", 24, true)]
    [InlineData("192.0.2.0", "192.0.3.0", 24, false)]
    [InlineData("2001:db8::", "2001:db8:ffff::1", 32, true)]
    [InlineData("192.0.2.1", "2001:db8::1", 0, false)]
    public void InNetwork_Prefixes_CompareOnlyThePrefixBits(string network, string ip, int prefix, bool expected) =>
        Assert.Equal(expected, SpfEvaluator.InNetwork(IPAddress.Parse(ip), IPAddress.Parse(network), prefix));
}
