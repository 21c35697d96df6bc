using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Tests;

public class DnsChecksTests
{
    private static ChecksOptions Options(FakeDnsServer server) => new()
    {
        NameServers = [server.Address], Timeout = TimeSpan.FromSeconds(0.5), Retries = 0, RunTimeout = TimeSpan.FromSeconds(10),
    };

    private static FakeDnsServer Healthy() => FakeDnsServer.Start()
        .A("2.0.0.127.zen.spamhaus.org", "127.0.0.2").A("2.0.0.127.b.barracudacentral.org", "127.0.0.2")
        .A("2.0.0.127.bl.spamcop.net", "127.0.0.2").A("dbltest.com.dbl.spamhaus.org", "127.0.1.2")
        .Txt("example.com", "v=spf1 ip4:203.0.113.0/24 -all")
        .Txt("_dmarc.example.com", "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com")
        .Txt("s1._domainkey.example.com", $"v=DKIM1; k=rsa; p={DkimKeyRecordTests.RsaKey(2048)}")
        .Mx("example.com", (10, "mx.example.com")).A("mx.example.com", "203.0.113.25")
        .Ptr("203.0.113.7", "mta7.example.com").A("mta7.example.com", "203.0.113.7");

    private static CheckRequest Request(params CheckKind[] kinds) => new()
    {
        Ips = ["203.0.113.7"], Domains = ["example.com"], DkimSelectors = [new DkimSelector("example.com", "s1", "asked")], Kinds = kinds.ToHashSet(),
    };

    [Fact]
    public async Task Run_HealthySetup_EveryCheckOk()
    {
        await using var server = Healthy();
        var report = await ChecksServiceCollectionExtensions.Create(Options(server), TimeProvider.System).RunAsync(Request());
        Assert.Null(report.CannotCheck);
        Assert.All(report.Results, r => Assert.True(r.Status == CheckStatus.Ok, $"{r.Kind} {r.Subject}: {r.Summary}"));
        Assert.Equal([CheckKind.Spf, CheckKind.Dkim, CheckKind.Dmarc, CheckKind.ReverseDns, CheckKind.Mx, CheckKind.Blocklist, CheckKind.Blocklist, CheckKind.Blocklist, CheckKind.Blocklist],
            report.Results.Select(r => r.Kind));
    }

    [Fact]
    public async Task Run_OnlyBlocklists_QueriesNoAuthenticationRecords()
    {
        await using var server = Healthy().A("7.113.0.203.zen.spamhaus.org", "127.0.0.3");
        var report = await ChecksServiceCollectionExtensions.Create(Options(server), TimeProvider.System).RunAsync(Request(CheckKind.Blocklist));
        Assert.All(report.Results, r => Assert.Equal(CheckKind.Blocklist, r.Kind));
        Assert.Single(report.Results, r => r.Status == CheckStatus.Problem && r.Subject == "203.0.113.7 on Spamhaus ZEN");
        Assert.DoesNotContain(server.Asked, a => a.EndsWith(" TXT", StringComparison.Ordinal) && !a.Contains("spamhaus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Disabled_CannotCheckWithoutAnyQuery()
    {
        await using var server = Healthy();
        var options = Options(server);
        options.Enabled = false;
        var report = await ChecksServiceCollectionExtensions.Create(options, TimeProvider.System).RunAsync(Request());
        Assert.Equal("DNS checks are switched off (Checks:Enabled is false)", report.CannotCheck);
        Assert.Empty(report.Results);
        Assert.Equal(0, server.Queries);
    }

    [Fact]
    public async Task Run_UnreachableResolver_CannotCheckAndEnds()
    {
        await using var server = FakeDnsServer.Start();
        server.Silent = true;
        var options = Options(server);
        options.Timeout = TimeSpan.FromSeconds(0.2);
        var report = await ChecksServiceCollectionExtensions.Create(options, TimeProvider.System).RunAsync(Request());
        Assert.StartsWith($"DNS did not answer ({server.Address}, 0.2 s per lookup)", report.CannotCheck);
        Assert.All(report.Results, r => Assert.Equal(CheckStatus.Unknown, r.Status));
    }

    [Fact]
    public async Task Run_RunTimeoutReached_ReportsUnansweredChecks()
    {
        await using var server = Healthy();
        server.Unanswered("example.com");
        var options = Options(server);
        options.Timeout = TimeSpan.FromSeconds(5);
        options.RunTimeout = TimeSpan.FromSeconds(0.5);
        var report = await ChecksServiceCollectionExtensions.Create(options, TimeProvider.System).RunAsync(Request(CheckKind.Spf, CheckKind.Dmarc));
        Assert.Contains(report.Results, r => r is { Kind: CheckKind.Spf, Status: CheckStatus.Unknown } && r.Summary.Contains("Checks:RunTimeout", StringComparison.Ordinal));
        Assert.Contains(report.Results, r => r is { Kind: CheckKind.Dmarc, Status: CheckStatus.Ok });
        Assert.Null(report.CannotCheck);
    }

    [Fact]
    public async Task Run_NothingToCheck_SaysHowToNameIt()
    {
        await using var server = Healthy();
        var report = await ChecksServiceCollectionExtensions.Create(Options(server), TimeProvider.System).RunAsync(new CheckRequest());
        Assert.StartsWith("no sending IP or domain is known to check", report.CannotCheck);
    }

    [Theory]
    [InlineData("NameServers", "dns.example", "Checks:NameServers:0 'dns.example'")]
    [InlineData("SendingIps", "203.0.113", "Checks:SendingIps:0 '203.0.113'")]
    [InlineData("DkimSelectors", "s1._domainkey.", "Checks:DkimSelectors:0")]
    public void Validate_BadSetting_NamesIt(string setting, string value, string message)
    {
        var o = new ChecksOptions();
        typeof(ChecksOptions).GetProperty(setting)!.SetValue(o, new List<string> { value });
        Assert.Contains(message, Assert.Throws<ArgumentException>(o.Validate).Message);
    }
}
