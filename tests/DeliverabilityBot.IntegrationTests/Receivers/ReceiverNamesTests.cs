using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.IntegrationTests.Receivers;

/// <summary>`dbot why RECEIVER` and the query port take every name, typo and domain the rule files give a receiver.</summary>
public class ReceiverNamesTests
{
    private static readonly IReceiverRegistry Shipped = RuleSetLoader.Load(RuleSources.Embedded(), RuleLoadOptions.WithoutExampleChecks).Receivers;

    public static TheoryData<string, string> EveryNameOfEveryReceiver()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in Shipped.All.Where(r => r.IsReceiver))
            foreach (var term in r.Names.Concat(r.Typos).Concat(r.Domains).Append(r.Id).Distinct(StringComparer.Ordinal))
                data.Add(r.Id, term);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryNameOfEveryReceiver))]
    public void Normalize_AnyNameOfAReceiver_IsItsId(string id, string name)
    {
        Assert.Equal(id, ReceiverNames.Normalize(name, Shipped));
        Assert.Equal(id, ReceiverNames.Normalize("  " + name.ToUpperInvariant() + " ", Shipped));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("all")]
    public void Normalize_NothingOrAll_IsNull(string? text) => Assert.Null(ReceiverNames.Normalize(text, Shipped));

    [Fact]
    public void Normalize_MailDomainSubdomain_IsItsReceiver() => Assert.Equal("cox", ReceiverNames.Normalize("west.cox.net", Shipped));

    [Fact]
    public void Normalize_UnknownName_ThrowsNamingTheKnownReceivers()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReceiverNames.Normalize("nosuchmail", Shipped));

        Assert.Contains("'nosuchmail' is not a receiver", ex.Message);
        Assert.Contains("cox", ex.Message);
    }
}
