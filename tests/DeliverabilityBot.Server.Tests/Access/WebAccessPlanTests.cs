using DeliverabilityBot.Server.Access;

namespace DeliverabilityBot.Server.Tests.Access;

public sealed class WebAccessPlanTests
{
    private const string Key = "0123456789abcdef-ci-key";

    [Fact]
    public void From_NonLoopbackBindWithoutSignIn_RefusesNamingTheWayOut()
    {
        var error = Assert.Throws<ServerStartupException>(() => WebAccessPlan.From(ListenAddressesTests.Config(new() { ["urls"] = "http://0.0.0.0:5080" })));

        Assert.Contains("http://0.0.0.0:5080", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chat__AllowAnonymous=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chat__OpenIdConnect__Authority", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void From_PublicHostOnLoopbackWithoutSignIn_Refuses() =>
        Assert.Throws<ServerStartupException>(() => WebAccessPlan.From(ListenAddressesTests.Config(new()
        {
            ["urls"] = "http://127.0.0.1:5080",
            ["Chat:PublicHost"] = "bot.example.com",
        })));

    [Theory]
    [InlineData("Chat:AllowAnonymous", "true", false)]
    [InlineData("Chat:WebChatEnabled", "false", false)]
    [InlineData("Chat:ApiKeys:ci", Key, true)]
    public void From_NonLoopbackBindWithAWayOut_Starts(string key, string value, bool signInRequired)
    {
        var plan = WebAccessPlan.From(ListenAddressesTests.Config(new() { ["urls"] = "http://0.0.0.0:5080", [key] = value }));

        Assert.True(plan.Exposed);
        Assert.Equal(signInRequired, plan.SignInRequired);
    }

    [Fact]
    public void From_LoopbackWithoutSettings_OpenAndNotExposed()
    {
        var plan = WebAccessPlan.From(ListenAddressesTests.Config(new() { ["urls"] = "http://127.0.0.1:5080" }));

        Assert.False(plan.Exposed);
        Assert.False(plan.SignInRequired);
    }

    [Theory]
    [InlineData("Chat:ApiKeys:ci", "short", "Chat:ApiKeys:ci")]
    [InlineData("Chat:OpenIdConnect:Authority", "https://login.example.com/tenant/v2.0", "Chat:OpenIdConnect:ClientId")]
    [InlineData("Chat:OpenIdConnect:Authority", "http://login.example.com/", "is not an https URL")]
    [InlineData("Chat:Bearer:Authority", "https://login.example.com/tenant/v2.0", "Chat:Bearer:Audience")]
    public void From_IncompleteSignIn_RefusesNamingTheSetting(string key, string value, string named)
    {
        var error = Assert.Throws<ServerStartupException>(() => WebAccessPlan.From(ListenAddressesTests.Config(new() { [key] = value })));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
