using DeliverabilityBot.Checks.Blocklists;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Tests;

public class BlocklistCheckTests
{
    private static FakeDnsServer WithTestEntries() => FakeDnsServer.Start()
        .A("2.0.0.127.zen.spamhaus.org", "127.0.0.2", "127.0.0.10", "127.0.0.4")
        .A("2.0.0.127.b.barracudacentral.org", "127.0.0.2")
        .A("2.0.0.127.bl.spamcop.net", "127.0.0.2")
        .A("dbltest.com.dbl.spamhaus.org", "127.0.1.2");

    [Fact]
    public async Task Run_SblListing_IsAProblemNamingSblWithTheLookupPage()
    {
        await using var server = WithTestEntries().A("7.113.0.203.zen.spamhaus.org", "127.0.0.2").Txt("7.113.0.203.zen.spamhaus.org", "https://check.spamhaus.org/sbl/query/SBL12345");
        var r = await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.SpamhausZen, "203.0.113.7", default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.Equal("203.0.113.7 is listed on Spamhaus ZEN: SBL: Spamhaus Blocklist (spam sources and spam operations).", r.Summary);
        Assert.Equal(["127.0.0.2", "https://check.spamhaus.org/sbl/query/SBL12345"], r.Records);
        Assert.Equal("https://check.spamhaus.org/results/?query=203.0.113.7", r.ActionUrl);
    }

    [Theory]
    [InlineData("127.255.255.254", "public or open resolver")]
    [InlineData("127.255.255.255", "excessive number of queries")]
    [InlineData("127.255.255.252", "typing error in the DNSBL name")]
    [InlineData("127.255.255.200", "not a listing")]
    public async Task Run_SpamhausErrorCode_IsUnknownNeverListed(string code, string meaning)
    {
        await using var server = WithTestEntries().A("7.113.0.203.zen.spamhaus.org", code);
        var r = await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.SpamhausZen, "203.0.113.7", default);
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains(meaning, r.Summary);
        Assert.DoesNotContain("is listed", r.Summary);
        Assert.Null(r.ActionUrl);
    }

    [Fact]
    public async Task Run_NotListedOnAListThatAnswersItsTestEntry_IsOk()
    {
        await using var server = WithTestEntries();
        var r = await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.SpamCop, "203.0.113.7", default);
        Assert.Equal(CheckStatus.Ok, r.Status);
        Assert.Equal("203.0.113.7 is not listed on SpamCop.", r.Summary);
        Assert.Contains("7.113.0.203.bl.spamcop.net A", server.Asked);
    }

    [Fact]
    public async Task Run_NotListedButTestEntryUnanswered_IsUnknown()
    {
        // Barracuda answers only registered resolvers: the test entry is NXDOMAIN too.
        await using var server = FakeDnsServer.Start();
        var r = await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.Barracuda, "203.0.113.7", default);
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains("\"not listed\" means nothing", r.Summary);
        Assert.Contains(r.Details, d => d.Contains("registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_AnswerOutside127_IsUnknownResolverRewrites()
    {
        await using var server = WithTestEntries().A("7.113.0.203.bl.spamcop.net", "198.51.100.80");
        var r = await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.SpamCop, "203.0.113.7", default);
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains("outside 127.0.0.0/8", r.Summary);
    }

    [Fact]
    public async Task Run_DomainOnDbl_IsAProblemWithItsMeaning()
    {
        await using var server = WithTestEntries().A("example.com.dbl.spamhaus.org", "127.0.1.102");
        var r = await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.SpamhausDbl, "example.com", default);
        Assert.Equal(CheckStatus.Problem, r.Status);
        Assert.Contains("abused legitimate domain (spam)", r.Summary);
    }

    [Fact]
    public async Task Run_Ipv6OnZen_QueriesNibbles()
    {
        await using var server = WithTestEntries();
        await new BlocklistCheck(Fake.Resolver(server)).RunAsync(KnownBlocklists.SpamhausZen, "2001:db8::1", default);
        Assert.Contains("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org A", server.Asked);
        Assert.Null(KnownBlocklists.SpamCop.QueryName("2001:db8::1"));
    }
}
