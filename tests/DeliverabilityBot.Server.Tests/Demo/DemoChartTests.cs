using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeliverabilityBot.Server.Tests.Chat;

namespace DeliverabilityBot.Server.Tests.Demo;

/// <summary>
/// Charts over the real demo day: asked in the web chat, drawn by the server's endpoint from the store's hourly counts,
/// the figures in the alt text, the same in attempts and messages; per IP on request.
/// </summary>
public sealed class DemoChartTests : IClassFixture<DemoServerFactory>
{
    private readonly DemoServerFactory _factory;

    public DemoChartTests(DemoServerFactory factory) => _factory = factory;

    private async Task<JsonElement> AskAsync(HttpClient client, string conversation, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", new { conversationId = conversation, text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Chart(JsonElement body) =>
        Assert.Single(body.GetProperty("answer").GetProperty("blocks").EnumerateArray(), b => b.GetProperty("kind").GetString() == "chart");

    [Fact]
    public async Task ShowMeAChart_Icloud_ImageFromTheEndpointWithTheFiguresInItsAltText()
    {
        using var client = _factory.CreateClient();

        var body = await AskAsync(client, "demo-chart", "show me a chart for icloud");

        Assert.Equal("timeline", body.GetProperty("intent").GetString());
        var chart = Chart(body);
        var url = chart.GetProperty("imageUrl").GetString()!;
        Assert.StartsWith("/api/chat/chart.png?receiver=icloud&from=", url, StringComparison.Ordinal);
        var alt = chart.GetProperty("altText").GetString()!;
        Assert.Matches(@"^Chart of deferred and bounced shares per hour for iCloud[^,]*, \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d UTC: [\d,]+ attempts, [\d,]+ messages\. Deferred \d+(\.\d)?% of [\d,]+ attempts \(worst hour ", alt);
        Assert.Contains("In messages: ", alt, StringComparison.Ordinal);
        var names = chart.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["attempts deferred", "messages delayed", "attempts bounced", "messages bounced or expired", "attempts"], names);
        Assert.Contains($"<img src=\"{url.Replace("&", "&amp;", StringComparison.Ordinal)}\"", body.GetProperty("html").GetString(), StringComparison.Ordinal);

        using var image = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal((960, 600), ChartImageEndpointTests.PngSize(await image.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task ChartPerIp_Icloud_OneLinePerSendingIpFromTheStore()
    {
        using var client = _factory.CreateClient();

        var body = await AskAsync(client, "demo-chart-ip", "chart the icloud deferral rate per IP");

        var chart = Chart(body);
        Assert.Contains("&by=ip", chart.GetProperty("imageUrl").GetString(), StringComparison.Ordinal);
        var ips = chart.GetProperty("series").EnumerateArray()
            .Where(s => s.GetProperty("panel").GetString()!.StartsWith("Deferred", StringComparison.Ordinal))
            .Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(ips);
        Assert.All(ips, ip => Assert.True(System.Net.IPAddress.TryParse(ip, out _), $"{ip} is not an IP"));
        Assert.Contains("sending IP", chart.GetProperty("altText").GetString(), StringComparison.Ordinal);

        using var image = await client.GetAsync(chart.GetProperty("imageUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }
}
