using System.Net.Http.Headers;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>The providers' documented payloads under <c>tests/fixtures/esp</c>.</summary>
internal static class WebhookFixtures
{
    public static byte[] Bytes(string provider, string name) => File.ReadAllBytes(TestPaths.InRepo("tests", "fixtures", "esp", provider, name));

    public static string Text(string provider, string name) => File.ReadAllText(TestPaths.InRepo("tests", "fixtures", "esp", provider, name));

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A POST of exactly <paramref name="body"/> with <paramref name="contentType"/> and headers.</summary>
    public static HttpRequestMessage Post(string provider, byte[] body, string contentType, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/" + provider) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
