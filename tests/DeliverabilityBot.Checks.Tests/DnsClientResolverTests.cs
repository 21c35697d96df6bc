using System.Net;
using DeliverabilityBot.Checks.Dns;

namespace DeliverabilityBot.Checks.Tests;

public class DnsClientResolverTests
{
    [Fact]
    public async Task Lookups_RecordsOfEachType_ComeBackThroughTheWire()
    {
        await using var server = FakeDnsServer.Start()
            .Txt("example.com", "v=spf1 ip4:203.0.113.0/24 -all", new string('a', 300))
            .A("mail.example.com", "203.0.113.7")
            .Aaaa("mail.example.com", "2001:db8::7")
            .Mx("example.com", (20, "mx2.example.com"), (10, "mx1.example.com"))
            .Ptr("203.0.113.7", "mail.example.com");
        var dns = Fake.Resolver(server);

        var txt = await dns.TxtAsync("example.com", default);
        Assert.Equal(DnsOutcome.Answered, txt.Outcome);
        Assert.Contains("v=spf1 ip4:203.0.113.0/24 -all", txt.Values);
        Assert.Contains(new string('a', 300), txt.Values); // character-strings of one record are joined
        Assert.Equal([IPAddress.Parse("203.0.113.7")], (await dns.AAsync("mail.example.com", default)).Values);
        Assert.Equal([IPAddress.Parse("2001:db8::7")], (await dns.AaaaAsync("mail.example.com", default)).Values);
        Assert.Equal(["20 mx2.example.com", "10 mx1.example.com"], (await dns.MxAsync("example.com", default)).Values.Select(m => m.ToString()));
        Assert.Equal(["mail.example.com"], (await dns.PtrAsync(IPAddress.Parse("203.0.113.7"), default)).Values);
    }

    [Fact]
    public async Task Lookups_MissingNameAndMissingType_AreNxdomainAndNoData()
    {
        await using var server = FakeDnsServer.Start().A("example.com", "192.0.2.1");
        var dns = Fake.Resolver(server);
        Assert.Equal(DnsOutcome.NoSuchName, (await dns.TxtAsync("nowhere.example.com", default)).Outcome);
        Assert.Equal(DnsOutcome.NoData, (await dns.TxtAsync("example.com", default)).Outcome);
    }

    [Fact]
    public async Task Lookups_ServerFailure_IsFailedNamingServfail()
    {
        await using var server = FakeDnsServer.Start().ServerFailure("broken.example.com");
        var lookup = await Fake.Resolver(server).TxtAsync("broken.example.com", default);
        Assert.Equal(DnsOutcome.Failed, lookup.Outcome);
        Assert.Contains("SERVFAIL", lookup.Error);
    }

    [Fact]
    public async Task Lookups_SilentServer_FailWithATimeoutInsteadOfHanging()
    {
        await using var server = FakeDnsServer.Start();
        server.Silent = true;
        var lookup = await Fake.Resolver(server, timeoutSeconds: 0.3).AAsync("example.com", default);
        Assert.Equal(DnsOutcome.Failed, lookup.Outcome);
        Assert.Contains("no answer from 127.0.0.1:", lookup.Error);
        Assert.True(server.Queries >= 1);
    }

    [Fact]
    public async Task Lookups_CallerCancels_Throws()
    {
        await using var server = FakeDnsServer.Start();
        server.Silent = true;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fake.Resolver(server, timeoutSeconds: 5).AAsync("example.com", cts.Token));
    }
}
