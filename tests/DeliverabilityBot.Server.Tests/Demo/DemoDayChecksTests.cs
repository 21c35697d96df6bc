using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Server.Tests.Demo;

/// <summary>
/// The checks intent on the demo day, against the real server and the real DnsClient path: a fake DNS server on
/// loopback publishes the demo sender's records (shop.example, sending IPs 203.0.113.5-8), with no public listing, as in
/// the seed episode, where Proofpoint blocks an IP that no public list names; and Spamhaus refusing one query as it
/// refuses public resolvers.
/// </summary>
public sealed class DemoDayChecksTests : IAsyncLifetime
{
    private FakeDnsServer _dns = null!;
    private ChecksServer _server = null!;

    public Task InitializeAsync()
    {
        _dns = FakeDnsServer.Start()
            .A("2.0.0.127.zen.spamhaus.org", "127.0.0.2").A("2.0.0.127.b.barracudacentral.org", "127.0.0.2")
            .A("2.0.0.127.bl.spamcop.net", "127.0.0.2").A("dbltest.com.dbl.spamhaus.org", "127.0.1.2")
            .Txt("shop.example", "v=spf1 ip4:203.0.113.0/24 ~all")
            .Txt("_dmarc.shop.example", "v=DMARC1; p=none; rua=mailto:dmarc@shop.example")
            .Mx("shop.example", (10, "mx.shop.example")).A("mx.shop.example", "203.0.113.25");
        foreach (var last in new[] { 5, 6, 7, 8 })
            _dns.Ptr($"203.0.113.{last}", $"out{last}.shop.example").A($"out{last}.shop.example", $"203.0.113.{last}");
        _server = new ChecksServer(_dns.Address);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _dns.DisposeAsync();
    }

    private async Task<JsonElement> Ask(string conversation, string text)
    {
        var response = await _server.CreateClient().PostAsJsonAsync("/api/chat", new { conversationId = conversation, text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Headline(JsonElement body) => body.GetProperty("answer").GetProperty("headline").GetString()!;

    [Fact]
    public async Task Blocklists_DemoDay_NoListingOfOurIpsOrDomain()
    {
        var body = await Ask("checks-lists", "are we on any blocklists?");
        Assert.Equal("checks", body.GetProperty("intent").GetString());
        Assert.Equal("No: our 4 sending IPs and shop.example are not listed on Spamhaus ZEN, Barracuda BRBL, SpamCop, Spamhaus DBL.", Headline(body));
        Assert.Contains("7.113.0.203.zen.spamhaus.org A", _dns.Asked);
    }

    [Fact]
    public async Task Dmarc_DemoDay_PNoneIsNoProblem()
    {
        var body = await Ask("checks-dmarc", "do we have DMARC problems?");
        Assert.Equal("checks", body.GetProperty("intent").GetString());
        Assert.Equal("No problem: shop.example publishes DMARC p=none: enough for Gmail, Yahoo and Microsoft's bulk rules, but failing mail is not quarantined or rejected.", Headline(body));
    }

    [Fact]
    public async Task Spamhaus_RefusedQuery_IsNeverReadAsAListing()
    {
        _dns.A("7.113.0.203.zen.spamhaus.org", "127.255.255.254");
        var body = await Ask("checks-refused", "is 203.0.113.7 on spamhaus?");
        Assert.Equal("checks", body.GetProperty("intent").GetString());
        Assert.Equal("Unknown: no blocklist could be read; 1 check could not be made (Spamhaus ZEN did not answer for 203.0.113.7: query refused: asked through a public or open resolver (Spamhaus), not a listing).", Headline(body));
    }

    [Fact]
    public async Task Setup_DemoDay_SpfAuthorisesEveryIpAndReverseDnsConfirms()
    {
        var body = await Ask("checks-all", "check our spf and reverse dns");
        Assert.Equal("checks", body.GetProperty("intent").GetString());
        Assert.Equal("No problems in 5 checks of our 4 sending IPs and shop.example.", Headline(body));
    }

    private sealed class ChecksServer(string nameServer) : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("dbot-demo-checks-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("data", _folder);
            builder.UseSetting("Demo", "true");
            builder.UseSetting("Checks:NameServers:0", nameServer);
            builder.UseSetting("Checks:Timeout", "00:00:02");
            builder.UseSetting("Checks:Retries", "0");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
