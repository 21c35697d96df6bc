using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using DeliverabilityBot.Server.Charts;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Slack;

/// <summary>
/// A chart answer in Slack: the message first, then the PNG through the current upload flow (files.getUploadURLExternal,
/// the bytes to its upload_url, files.completeUploadExternal into the same thread), against a fake Web API.
/// </summary>
public sealed class SlackChartUploadTests
{
    private const string UploadUrl = "https://slack.test/upload/v1/F0CHART01";

    private static bool Is(RecordedRequest r, string method) => r.Uri.AbsolutePath == "/api/" + method;

    private static async Task<ChannelTestHost> StartAsync(Func<RecordedRequest, HttpResponseMessage?>? respond = null)
    {
        var host = await ChannelTestHost.StartAsync(SlackRequests.Settings(), services: (s, c) => s.AddCharts(c));
        host.SlackApi.Respond = r => respond?.Invoke(r) ?? (
            Is(r, "chat.postMessage") ? FakeHttpHandler.Json("""{"ok":true,"channel":"C0CHAN001","ts":"1764309700.000200"}""")
            : Is(r, "files.getUploadURLExternal") ? FakeHttpHandler.Json($$"""{"ok":true,"upload_url":"{{UploadUrl}}","file_id":"F0CHART01"}""")
            : r.Uri.AbsolutePath.StartsWith("/upload/", StringComparison.Ordinal) ? new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("OK") }
            : Is(r, "files.completeUploadExternal") ? FakeHttpHandler.Json("""{"ok":true,"files":[{"id":"F0CHART01"}]}""")
            : FakeHttpHandler.Json("""{"ok":false,"error":"unknown_method"}"""));
        return host;
    }

    private static async Task MentionAsync(ChannelTestHost host, string eventId, string text)
    {
        var body = SlackRequests.Envelope(eventId, SlackRequests.Mention("1764309600.000100", text));
        using var response = await host.Client.SendAsync(SlackRequests.Signed("/api/slack/events", body));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChartAnswer_PostedThenPngUploadedIntoTheThread()
    {
        await using var host = await StartAsync();

        await MentionAsync(host, "EvChart1", "show me a chart for icloud");
        var complete = Assert.Single(await host.SlackApi.WaitForAsync(r => Is(r, "files.completeUploadExternal")));
        await host.WhenIdleAsync();

        var calls = host.SlackApi.Requests.Select(r => r.Uri.AbsolutePath).ToList();
        Assert.Equal(["/api/chat.postMessage", "/api/files.getUploadURLExternal", "/upload/v1/F0CHART01", "/api/files.completeUploadExternal"], calls);
        Assert.DoesNotContain(host.SlackApi.Requests, r => Is(r, "files.upload"));

        // 1. the ticket: form fields, the bot token, the alt text with the figures
        var ticket = host.SlackApi.Requests[1];
        Assert.Equal("application/x-www-form-urlencoded", ticket.ContentType);
        Assert.Equal("Bearer " + SlackRequests.BotToken, ticket.Authorization);
        var form = ticket.Body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Assert.Equal("chart.png", form["filename"]);
        Assert.Equal(FakeChatBot.ChartAltText, form["alt_txt"]);

        // 2. the bytes: a PNG of the standard size, exactly as long as announced
        var upload = host.SlackApi.Requests[2];
        var png = PngIn(upload.Content);
        Assert.Equal(int.Parse(form["length"], System.Globalization.CultureInfo.InvariantCulture), png.Length);
        Assert.Equal((960, 600), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));

        // 3. shared into the mention's thread, titled
        using var json = JsonDocument.Parse(complete.Body);
        Assert.Equal("C0CHAN001", json.RootElement.GetProperty("channel_id").GetString());
        Assert.Equal("1764309600.000100", json.RootElement.GetProperty("thread_ts").GetString());
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("F0CHART01", file.GetProperty("id").GetString());
        Assert.Equal("iCloud: deferral and bounce rates per hour", file.GetProperty("title").GetString());

        // The message itself states the figures for anyone who cannot see the image.
        Assert.Contains("deferred 44% of 300 attempts", JsonText.Strings(host.SlackApi.Requests[0].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadRefused_MissingScope_AnswerStandsAndNothingMoreIsSent()
    {
        await using var host = await StartAsync(r => Is(r, "files.getUploadURLExternal") ? FakeHttpHandler.Json("""{"ok":false,"error":"missing_scope","needed":"files:write"}""") : null);

        await MentionAsync(host, "EvChart2", "chart please");
        await host.SlackApi.WaitForAsync(r => Is(r, "files.getUploadURLExternal"));
        await host.WhenIdleAsync();

        Assert.Single(host.SlackApi.Requests, r => Is(r, "chat.postMessage"));
        Assert.DoesNotContain(host.SlackApi.Requests, r => Is(r, "files.completeUploadExternal"));
    }

    [Fact]
    public async Task UploadUrlOnAnotherHost_BytesNotSentThere()
    {
        await using var host = await StartAsync(r => Is(r, "files.getUploadURLExternal")
            ? FakeHttpHandler.Json("""{"ok":true,"upload_url":"https://evil.example/upload","file_id":"F0CHART02"}""") : null);

        await MentionAsync(host, "EvChart3", "chart please");
        await host.SlackApi.WaitForAsync(r => Is(r, "files.getUploadURLExternal"));
        await host.WhenIdleAsync();

        Assert.DoesNotContain(host.SlackApi.Requests, r => r.Uri.Host == "evil.example");
        Assert.DoesNotContain(host.SlackApi.Requests, r => Is(r, "files.completeUploadExternal"));
    }

    [Fact]
    public async Task AnswerWithoutChart_NoUpload()
    {
        await using var host = await StartAsync();

        await MentionAsync(host, "EvChart4", "why is icloud deferring us?");
        await host.SlackApi.WaitForAsync(r => Is(r, "chat.postMessage"));
        await host.WhenIdleAsync();

        Assert.DoesNotContain(host.SlackApi.Requests, r => r.Uri.AbsolutePath.Contains("files", StringComparison.Ordinal));
    }

    // The PNG inside a multipart body: from its signature to the end of its IEND chunk.
    private static byte[] PngIn(byte[] body)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var start = body.AsSpan().IndexOf(signature);
        Assert.True(start >= 0, "no PNG in the upload");
        var end = body.AsSpan(start).IndexOf("IEND"u8);
        Assert.True(end > 0, "the PNG has no IEND chunk");
        Assert.Contains("name=file", Encoding.ASCII.GetString(body, 0, start), StringComparison.Ordinal);
        return body.AsSpan(start, end + 8).ToArray(); // "IEND" and its 4-byte CRC
    }
}
