using System.Net;
using DeliverabilityBot.Server.Tests.Channels.Fakes;
using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Tests.Channels.Teams;

/// <summary>Inbound Bot Framework JWTs: each way a token can be wrong is refused; the valid ones pass.</summary>
public sealed class TeamsAuthenticationTests
{
    public static TheoryData<string, HttpStatusCode> Cases() => new()
    {
        { "no token", HttpStatusCode.Unauthorized },
        { "not a bearer token", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "not yet valid", HttpStatusCode.Unauthorized },
        { "key endorsed for another channel", HttpStatusCode.Unauthorized },
        { "key without endorsements", HttpStatusCode.Unauthorized },
        { "key not in the document", HttpStatusCode.Unauthorized },
        { "serviceurl mismatch", HttpStatusCode.Unauthorized },
        { "serviceurl missing", HttpStatusCode.Unauthorized },
        { "alg none", HttpStatusCode.Unauthorized },
        { "HS256 with the kid of an RSA key", HttpStatusCode.Unauthorized },
        { "tampered payload", HttpStatusCode.Unauthorized },
        { "valid RS256", HttpStatusCode.OK },
        { "valid RS384", HttpStatusCode.OK },
        { "valid RS512", HttpStatusCode.OK },
        { "expired 2 minutes ago, inside the 5 minute skew", HttpStatusCode.OK },
        { "serviceurl in other case", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PostActivity_Token_RefusedOrAccepted(string scenario, HttpStatusCode expected)
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);
        var now = DateTime.UtcNow;
        string? authorization = scenario switch
        {
            "no token" => null,
            "not a bearer token" => "Basic " + keys.Mint(),
            "wrong issuer" => Bearer(keys.Mint(issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")),
            "wrong audience" => Bearer(keys.Mint(audience: "00000000-1111-2222-3333-444444444444")),
            "expired" => Bearer(keys.Mint(notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-10))),
            "not yet valid" => Bearer(keys.Mint(notBefore: now.AddMinutes(10), expires: now.AddMinutes(20))),
            "key endorsed for another channel" => Bearer(keys.Mint(key: keys.OtherChannelKey)),
            "key without endorsements" => Bearer(keys.Mint(key: keys.UnendorsedKey)),
            "key not in the document" => Bearer(keys.Mint(key: keys.RolledKey)),
            "serviceurl mismatch" => Bearer(keys.Mint(serviceUrl: "https://attacker.test/")),
            "serviceurl missing" => Bearer(keys.Mint(serviceUrl: null)),
            "alg none" => Bearer(keys.MintUnsigned()),
            "HS256 with the kid of an RSA key" => Bearer(keys.Mint(key: keys.HmacKey(), algorithm: SecurityAlgorithms.HmacSha256)),
            "tampered payload" => Bearer(Tamper(keys.Mint())),
            "valid RS256" => Bearer(keys.Mint()),
            "valid RS384" => Bearer(keys.Mint(algorithm: SecurityAlgorithms.RsaSha384)),
            "valid RS512" => Bearer(keys.Mint(algorithm: SecurityAlgorithms.RsaSha512)),
            "expired 2 minutes ago, inside the 5 minute skew" => Bearer(keys.Mint(notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-2))),
            "serviceurl in other case" => Bearer(keys.Mint(serviceUrl: BotFrameworkTestKeys.ServiceUrl.ToUpperInvariant())),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsActivities.Mention("auth-1", "why icloud").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        await host.WhenIdleAsync();
        if (expected == HttpStatusCode.OK)
        {
            Assert.Single(host.Bot.Turns);
            Assert.Single(host.Connector.Requests, r => r.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(host.Bot.Turns);
            Assert.Empty(host.Connector.Requests);
        }
    }

    [Fact]
    public async Task PostActivity_KeyRolledOverSinceLastFetch_RefreshesOnceAndAccepts()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);
        using (var first = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("roll-1", "hi"), keys.Mint()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        keys.Rolled = true;
        using var second = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("roll-2", "hi"), keys.Mint(key: keys.RolledKey));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, host.OpenId.Requests.Count(r => r.Uri.AbsoluteUri == BotFrameworkTestKeys.JwksUrl));
    }

    [Fact]
    public async Task PostActivity_UnknownKidTwice_RefreshesAtMostOncePerInterval()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);
        for (var i = 0; i < 3; i++)
        {
            using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention($"kid-{i}", "hi"), keys.Mint(key: keys.RolledKey));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // First load plus one refresh: forged kids cannot make the bot hammer the key endpoint.
        Assert.Equal(2, host.OpenId.Requests.Count(r => r.Uri.AbsoluteUri == BotFrameworkTestKeys.JwksUrl));
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(BotFrameworkTestKeys.ServiceUrl, "https://attacker.test/", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
