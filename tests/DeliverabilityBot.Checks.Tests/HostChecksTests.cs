using System.Net;
using DeliverabilityBot.Checks.Dkim;
using DeliverabilityBot.Checks.Dmarc;
using DeliverabilityBot.Checks.Spf;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Tests;

public class HostChecksTests
{
    [Fact]
    public async Task ReverseDns_ForwardConfirmed_IsOk()
    {
        await using var server = FakeDnsServer.Start().Ptr("203.0.113.7", "mta7.example.com").A("mta7.example.com", "203.0.113.7");
        var r = await new ReverseDnsCheck(Fake.Resolver(server)).RunAsync(IPAddress.Parse("203.0.113.7"), ["example.com"], default);
        Assert.Equal((CheckStatus.Ok, "203.0.113.7 has forward-confirmed reverse DNS: mta7.example.com."), (r.Status, r.Summary));
    }

    [Fact]
    public async Task ReverseDns_NameNotResolvingBack_IsAProblem()
    {
        await using var server = FakeDnsServer.Start().Ptr("203.0.113.7", "mta7.example.com").A("mta7.example.com", "203.0.113.8");
        var r = await new ReverseDnsCheck(Fake.Resolver(server)).RunAsync(IPAddress.Parse("203.0.113.7"), ["example.com"], default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.Contains("not forward-confirmed", r.Summary);
    }

    [Fact]
    public async Task ReverseDns_NoPtr_IsAProblem()
    {
        await using var server = FakeDnsServer.Start();
        var r = await new ReverseDnsCheck(Fake.Resolver(server)).RunAsync(IPAddress.Parse("203.0.113.7"), [], default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.StartsWith("203.0.113.7 has no reverse DNS (PTR)", r.Summary);
    }

    [Fact]
    public async Task ReverseDns_OtherDomain_IsOkWithApplesAdvice()
    {
        await using var server = FakeDnsServer.Start().Ptr("203.0.113.7", "o1.esp.example.net").A("o1.esp.example.net", "203.0.113.7");
        var r = await new ReverseDnsCheck(Fake.Resolver(server)).RunAsync(IPAddress.Parse("203.0.113.7"), ["example.com"], default);
        Assert.Equal(CheckStatus.Ok, r.Status);
        Assert.Contains(r.Details, d => d.Contains("Apple asks for reverse DNS with your domain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10 mx.example.com", CheckStatus.Ok)]
    [InlineData("0 .", CheckStatus.Problem)]
    public async Task Mx_Records_AreJudged(string mx, CheckStatus expected)
    {
        var parts = mx.Split(' ');
        await using var server = FakeDnsServer.Start().Mx("example.com", (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1])).A("mx.example.com", "192.0.2.25");
        Assert.Equal(expected, (await new MxCheck(Fake.Resolver(server)).RunAsync("example.com", default)).Status);
    }

    [Fact]
    public async Task Mx_DomainMissing_IsAProblem()
    {
        await using var server = FakeDnsServer.Start();
        var r = await new MxCheck(Fake.Resolver(server)).RunAsync("example.com", default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.Contains("does not exist", r.Summary);
    }

    [Fact]
    public async Task Mx_NoMxButAddress_IsAWarning()
    {
        await using var server = FakeDnsServer.Start().A("example.com", "192.0.2.25");
        Assert.Equal(CheckStatus.Warning, (await new MxCheck(Fake.Resolver(server)).RunAsync("example.com", default)).Status);
    }

    [Theory]
    [InlineData("v=DMARC1; p=reject; rua=mailto:d@example.com", CheckStatus.Ok, "publishes DMARC p=reject")]
    [InlineData("v=DMARC1; p=none", CheckStatus.Ok, "publishes DMARC p=none")]
    [InlineData("v=DMARC1; p=bogus", CheckStatus.Problem, "invalid")]
    public async Task Dmarc_Record_IsJudged(string record, CheckStatus expected, string summary)
    {
        await using var server = FakeDnsServer.Start().Txt("_dmarc.example.com", record);
        var r = await new DmarcCheck(Fake.Resolver(server)).RunAsync("example.com", default);
        Assert.Equal(expected, r.Status);
        Assert.Contains(summary, r.Summary);
    }

    [Fact]
    public async Task Dmarc_Subdomain_FallsBackToTheOrganizationalDomain()
    {
        await using var server = FakeDnsServer.Start().Txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
        var r = await new DmarcCheck(Fake.Resolver(server)).RunAsync("news.example.com", default);
        Assert.Equal(CheckStatus.Ok, r.Status);
        Assert.Equal("_dmarc.example.com TXT", r.Query);
    }

    [Fact]
    public async Task Dmarc_None_IsAProblem()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 -all");
        var r = await new DmarcCheck(Fake.Resolver(server)).RunAsync("example.com", default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.StartsWith("example.com publishes no DMARC policy", r.Summary);
    }

    [Fact]
    public async Task Dmarc_TwoRecords_IsAProblem()
    {
        await using var server = FakeDnsServer.Start().Txt("_dmarc.example.com", "v=DMARC1; p=none", "v=DMARC1; p=reject");
        Assert.Equal(CheckStatus.Problem, (await new DmarcCheck(Fake.Resolver(server)).RunAsync("example.com", default)).Status);
    }

    [Theory]
    [InlineData(2048, CheckStatus.Ok)]
    [InlineData(1024, CheckStatus.Warning)]
    [InlineData(512, CheckStatus.Problem)]
    public async Task Dkim_KeySize_IsJudgedByRfc8301(int bits, CheckStatus expected)
    {
        await using var server = FakeDnsServer.Start().Txt("s1._domainkey.example.com", $"v=DKIM1; k=rsa; p={DkimKeyRecordTests.RsaKey(bits)}");
        var r = await new DkimCheck(Fake.Resolver(server)).RunAsync(new DkimSelector("example.com", "s1", "asked"), default);
        Assert.Equal(expected, r.Status);
    }

    [Fact]
    public async Task Dkim_NoKey_IsAProblem()
    {
        await using var server = FakeDnsServer.Start();
        var r = await new DkimCheck(Fake.Resolver(server)).RunAsync(new DkimSelector("example.com", "s1", "asked"), default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.StartsWith("No DKIM key is published at s1._domainkey.example.com", r.Summary);
    }

    [Fact]
    public async Task Spf_IpNotAuthorised_IsAProblemNamingTheIp()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 ip4:192.0.2.0/24 ~all");
        var r = await new SpfCheck(Fake.Resolver(server)).RunAsync("example.com", [IPAddress.Parse("192.0.2.9"), IPAddress.Parse("203.0.113.7")], default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.Equal("example.com's SPF does not authorise 203.0.113.7 (softfail): mail from there fails SPF.", r.Summary);
    }

    [Fact]
    public async Task Spf_AllAuthorised_IsOk()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 ip4:203.0.113.0/24 -all");
        var r = await new SpfCheck(Fake.Resolver(server)).RunAsync("example.com", [IPAddress.Parse("203.0.113.7")], default);
        Assert.Equal((CheckStatus.Ok, "example.com publishes one valid SPF record and it authorises 203.0.113.7."), (r.Status, r.Summary));
    }

    [Fact]
    public async Task Spf_PlusAll_IsAProblem()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "v=spf1 +all");
        var r = await new SpfCheck(Fake.Resolver(server)).RunAsync("example.com", [IPAddress.Parse("203.0.113.7")], default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.Contains("+all", r.Summary);
    }

    [Fact]
    public async Task Spf_NoRecord_IsAProblem()
    {
        await using var server = FakeDnsServer.Start().Txt("example.com", "hello");
        Assert.Equal(CheckStatus.Problem, (await new SpfCheck(Fake.Resolver(server)).RunAsync("example.com", [], default)).Status);
    }
}
