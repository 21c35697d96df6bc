using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>dbot checks</c> as a process, asking a fake DNS server on loopback.</summary>
public class ChecksCommandTests
{
    private static FakeDnsServer Zone() => FakeDnsServer.Start()
        .A("2.0.0.127.zen.spamhaus.org", "127.0.0.2").A("2.0.0.127.b.barracudacentral.org", "127.0.0.2")
        .A("2.0.0.127.bl.spamcop.net", "127.0.0.2").A("dbltest.com.dbl.spamhaus.org", "127.0.1.2")
        .A("7.113.0.203.zen.spamhaus.org", "127.0.0.3")
        .Txt("example.com", "v=spf1 ip4:203.0.113.0/24 -all")
        .Txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:d@example.com");

    [Fact]
    public async Task Checks_ListedIp_PrintsTheListingFirstAndExitsOne()
    {
        await using var dns = Zone();
        var r = DbotProcess.Run(null, "checks", "--ip", "203.0.113.7", "--only", "blocklists", "--dns", dns.Address, "--timeout", "1");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("Yes: 203.0.113.7 is listed on Spamhaus ZEN: SBL CSS", r.Out.TrimStart());
    }

    [Fact]
    public async Task Checks_HealthyDomainAsJson_ExitsZeroWithEveryResult()
    {
        await using var dns = Zone();
        var r = DbotProcess.Run(null, "checks", "--domain", "example.com", "--only", "spf,dmarc", "--dns", dns.Address, "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var statuses = json.RootElement.GetProperty("results").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("status").GetString())).ToList();
        Assert.Equal([("spf", "ok"), ("dmarc", "ok")], statuses);
    }

    [Fact]
    public void Checks_Off_ExitsThreeSayingWhy()
    {
        var r = DbotProcess.Run(null, new Dictionary<string, string?> { ["DBOT_CHECKS"] = "off" }, "checks", "--ip", "203.0.113.7");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("Cannot check: DNS checks are switched off", r.Out);
    }

    [Theory]
    [InlineData("--only", "spf,whois", "--only 'whois' is not a check")]
    [InlineData("--ip", "203.0.113", "--ip '203.0.113' is not an IP address")]
    [InlineData("--dns", "resolver.example", "--dns:0 'resolver.example' is not an IP address")]
    public void Checks_BadInput_ExitsTwoNamingIt(string option, string value, string message)
    {
        var r = DbotProcess.Run(null, "checks", "--domain", "example.com", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Err);
    }
}
