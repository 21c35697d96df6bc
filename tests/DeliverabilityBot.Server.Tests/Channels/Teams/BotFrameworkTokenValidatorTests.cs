using DeliverabilityBot.Server.Channels.Teams;
using DeliverabilityBot.Server.Tests.Channels.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Tests.Channels.Teams;

/// <summary>The validator refuses each bad token for the reason it is bad, not for some other check.</summary>
public sealed class BotFrameworkTokenValidatorTests
{
    private static readonly BotFrameworkTestKeys Keys = new();

    public static TheoryData<string, string> Refusals() => new()
    {
        { "wrong issuer", "issuer" },
        { "wrong audience", "audience" },
        { "expired", "expired" },
        { "not yet valid", "not yet valid" },
        { "key endorsed for another channel", "not endorsed" },
        { "key without endorsements", "not endorsed" },
        { "serviceurl mismatch", "serviceurl" },
        { "alg none", "algorithm 'none'" },
        { "HS256", "algorithm 'HS256'" },
        { "tampered", "signature" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ValidateAsync_BadToken_RefusedForThatReason(string scenario, string reason)
    {
        var now = DateTime.UtcNow;
        var token = scenario switch
        {
            "wrong issuer" => Keys.Mint(issuer: "https://api.botframework.us"),
            "wrong audience" => Keys.Mint(audience: "someone-else"),
            "expired" => Keys.Mint(notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not yet valid" => Keys.Mint(notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "key endorsed for another channel" => Keys.Mint(key: Keys.OtherChannelKey),
            "key without endorsements" => Keys.Mint(key: Keys.UnendorsedKey),
            "serviceurl mismatch" => Keys.Mint(serviceUrl: "https://smba.test/emea/"),
            "alg none" => Keys.MintUnsigned(),
            "HS256" => Keys.Mint(key: Keys.HmacKey(), algorithm: SecurityAlgorithms.HmacSha256),
            "tampered" => Keys.Mint()[..^4] + "AAAA",
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var result = await Validator().ValidateAsync("Bearer " + token, Activity(), CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains(reason, result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ValidateAsync_ActivityFromAnotherChannel_RefusedUnlessEndorsed()
    {
        var activity = Activity();
        activity.ChannelId = "webchat";

        var result = await Validator().ValidateAsync("Bearer " + Keys.Mint(), activity, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains("webchat", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ValidToken_Authenticated()
    {
        var result = await Validator().ValidateAsync("bearer " + Keys.Mint(), Activity(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.Failure);
    }

    private static Activity Activity() => new() { Type = "message", ChannelId = "msteams", ServiceUrl = BotFrameworkTestKeys.ServiceUrl };

    private static BotFrameworkTokenValidator Validator() => new(
        Options.Create(new TeamsOptions { AppId = BotFrameworkTestKeys.AppId }),
        new StaticKeys(BotFrameworkKeyRetriever.Parse(Keys.Jwks())));

    private sealed class StaticKeys(BotFrameworkSigningKeys keys) : IConfigurationManager<BotFrameworkSigningKeys>
    {
        public Task<BotFrameworkSigningKeys> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(keys);

        public void RequestRefresh()
        {
        }
    }
}
