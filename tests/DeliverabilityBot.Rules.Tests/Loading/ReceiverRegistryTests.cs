using DeliverabilityBot.Rules.Lint;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Loading;

public class ReceiverRegistryTests
{
    private const string Rule = """
        rules:
          - id: {0}1001
            title: t
            message: m
            category: reputation
            severity: warning
            helpUri: https://example.org/help
            references: [{url: "https://example.org/ref", confidence: official}]
            match: {contains: alpha}
            explanation: e
            actions: [a]
            examples: ["550 alpha"]
        """;

    private static string File(string family, string scope, string block) =>
        $"family: {family}\nscope: {scope}\n{block}\n" + Rule.Replace("{0}", family, StringComparison.Ordinal);

    private const string Cox = """
        receiver:
          id: cox
          displayName: Cox
          names: [cox, cox mail]
          typos: [coxx]
          fuzzy: [cox mail]
          domains: [cox.net]
          hosts: ['*.cox.com']
          markers: [cox.com/residential]
          contacts:
            - kind: postmaster
              url: https://www.cox.com/residential/support/email-error-codes.html
              source: https://www.cox.com/residential/support/email-error-codes.html
              confidence: official
        """;

    private static LoadedRuleSet Load(params (string Path, string Yaml)[] files) =>
        RuleSetLoader.Load(files.Select(f => TestRules.Inline(f.Path, f.Yaml)).ToArray());

    private static IReadOnlyList<DeliverabilityBot.Rules.Diagnostics.RuleDiagnostic> Lint(LoadedRuleSet set) =>
        RuleLinter.Lint(set, null, null).Where(d => d.Id is "DBR0110" or "DBR0111").ToList();

    [Fact]
    public void Load_ReceiverBlockWithRegistryFields_BuildsTheEntry()
    {
        var set = Load(("cox.yaml", File("COX", "receiver", Cox)));

        Assert.Empty(set.Diagnostics);
        var cox = Assert.Single(set.Receivers.All);
        Assert.Equal(("cox", "Cox", true), (cox.Id, cox.DisplayName, cox.IsReceiver));
        Assert.Equal(["cox", "cox mail"], cox.Names);
        Assert.Equal(["coxx"], cox.Typos);
        Assert.Equal(["cox.com/residential"], cox.Markers);
        var contact = Assert.Single(cox.Contacts);
        Assert.Equal(("postmaster", "official"), (contact.Kind, contact.Confidence));
    }

    [Theory]
    [InlineData("cox.net", "cox")]
    [InlineData("west.cox.net", "cox")]
    [InlineData("mx.east.cox.com", "cox")]
    [InlineData("COX.NET.", "cox")]
    [InlineData("notcox.net", null)]
    [InlineData("cox.com", null)]
    public void ForDomain_DomainSubdomainOrHost_FindsTheReceiver(string domain, string? expected)
    {
        var set = Load(("cox.yaml", File("COX", "receiver", Cox)));

        Assert.Equal(expected, set.Receivers.ForDomain(domain)?.Id);
    }

    [Fact]
    public void Load_FilterBlock_IsAnEntryThatIsNotAReceiver()
    {
        var set = Load(("spamhaus.yaml", File("SPH", "filter", "filter:\n  id: spamhaus\n  displayName: Spamhaus\n  names: [spamhaus]")));

        Assert.Empty(set.Diagnostics);
        var e = Assert.Single(set.Receivers.All);
        Assert.False(e.IsReceiver);
        Assert.Equal("Spamhaus", set.Receivers.DisplayName("spamhaus"));
        Assert.Equal("gmail", set.Receivers.DisplayName("gmail"));
    }

    [Fact]
    public void Load_FilterBlockWithDomains_ReportsUnknownKey()
    {
        var set = Load(("spamhaus.yaml", File("SPH", "filter", "filter:\n  id: spamhaus\n  domains: [spamhaus.org]")));

        Assert.Contains(set.Diagnostics, d => d.Id == "DBR0004" && d.Message.Contains("'domains'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    - kind: postmaster\n      url: https://x.example/\n      confidence: official", "source")]
    [InlineData("    - kind: phone\n      url: https://x.example/\n      source: https://x.example/\n      confidence: official", "contact kind 'phone'")]
    [InlineData("    - kind: email\n      url: abuse@x.example\n      source: https://x.example/\n      confidence: official", "mailto:")]
    [InlineData("    - kind: email\n      url: mailto:abuse@x.example\n      source: https://x.example/\n      confidence: sure", "confidence 'sure'")]
    public void Load_BadContact_ReportsAnErrorAndLeavesTheFileOut(string contact, string expected)
    {
        var set = Load(("cox.yaml", File("COX", "receiver", "receiver:\n  id: cox\n  contacts:\n" + contact)));

        Assert.Contains(set.Diagnostics, d => d.IsError && d.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(set.Receivers.All);
    }

    [Fact]
    public void Load_FuzzyNameNotAmongNames_ReportsDbr0036()
    {
        var set = Load(("cox.yaml", File("COX", "receiver", "receiver:\n  id: cox\n  names: [cox]\n  fuzzy: [coxmail]")));

        var d = Assert.Single(set.Diagnostics, d => d.Id == "DBR0036");
        Assert.Contains("fuzzy name 'coxmail'", d.Message);
    }

    [Fact]
    public void Lint_CompleteEntry_NoRegistryDiagnostic() =>
        Assert.Empty(Lint(Load(("cox.yaml", File("COX", "receiver", Cox)))));

    [Fact]
    public void Lint_EntryWithoutDisplayNameNamesOrContacts_ReportsDbr0110()
    {
        var d = Assert.Single(Lint(Load(("cox.yaml", File("COX", "receiver", "receiver:\n  id: cox\n  domains: [cox.net]")))));

        Assert.Equal("DBR0110", d.Id);
        Assert.Contains("no displayName, no names", d.Message);
        Assert.Contains("no contacts", d.Message);
        Assert.DoesNotContain("domains or hosts", d.Message);
    }

    [Fact]
    public void Lint_TwoReceiversClaimOneName_ReportsDbr0111AtTheSecond()
    {
        var other = Cox.Replace("id: cox", "id: spectrum").Replace("displayName: Cox", "displayName: Spectrum")
            .Replace("names: [cox, cox mail]", "names: [spectrum, cox mail]").Replace("typos: [coxx]", "typos: [spectrim]")
            .Replace("fuzzy: [cox mail]", "fuzzy: [spectrum]").Replace("domains: [cox.net]", "domains: [charter.net]")
            .Replace("hosts: ['*.cox.com']", "hosts: ['*.charter.net']").Replace("markers: [cox.com/residential]", "markers: [charter.net/x]");
        var set = Load(("cox.yaml", File("COX", "receiver", Cox)), ("spectrum.yaml", File("SPT", "receiver", other)));

        var d = Assert.Single(Lint(set));
        Assert.Equal(("DBR0111", "spectrum.yaml"), (d.Id, d.Location.File));
        Assert.Contains("'cox mail' of 'spectrum' is already a name of 'cox'", d.Message);
    }

    [Fact]
    public void Lint_NameThatIsAnotherEntrysId_ReportsDbr0111()
    {
        var set = Load(("cox.yaml", File("COX", "receiver", Cox)),
            ("spamhaus.yaml", File("SPH", "filter", "filter:\n  id: spamhaus\n  displayName: Spamhaus\n  names: [spamhaus, cox]")));

        Assert.Contains(Lint(set), d => d.Id == "DBR0111" && d.Message.Contains("'cox' of 'spamhaus'", StringComparison.Ordinal));
    }

    private const string Acme = """
        receiver:
          id: acmemail
          displayName: Acme Mail
          names: [acme mail]
          domains: [acme.example]
          contacts:
            - kind: postmaster
              url: https://acme.example/postmaster
              source: https://acme.example/postmaster
              confidence: official
        """;

    // A generic file whose rule concludes the receiver and, when asked, also matches on it.
    private static string RuleNaming(string family, string receiver, bool condition = true) =>
        $"family: {family}\nscope: generic\nexampleDefaults:\n  to: someone@acme.example\n"
        + (condition ? Rule.Replace("match: {contains: alpha}", $"match: {{contains: alpha, receiver: {receiver}}}", StringComparison.Ordinal) : Rule)
            .Replace("{0}", family, StringComparison.Ordinal)
        + $"\n    receiver: {receiver}\n";

    [Fact]
    public void Load_ReceiverOnlyAYamlBlockDeclares_IsAcceptedByRulesInOtherFiles()
    {
        var set = Load(("receivers/acme.yaml", File("ACM", "receiver", Acme)), ("generic/x.yaml", RuleNaming("GEN", "acmemail")));

        Assert.DoesNotContain(set.Diagnostics, d => d.IsError);
        Assert.Equal("acmemail", Assert.Single(set.Rules, r => r.Descriptor.Id == "GEN1001").Descriptor.Receiver);
    }

    [Fact]
    public void Load_RuleNamingAReceiverNoBlockDeclares_ReportsDbr0010AtEachReferenceWithTheNearestId()
    {
        var set = Load(("receivers/acme.yaml", File("ACM", "receiver", Acme)), ("generic/x.yaml", RuleNaming("GEN", "acmemai")));

        var errors = set.Diagnostics.Where(d => d.Id == "DBR0010").ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, d => Assert.Equal("generic/x.yaml", d.Location.File));
        Assert.All(errors, d => Assert.Contains("did you mean 'acmemail'?", d.Message, StringComparison.Ordinal));
        Assert.Equal(["generic/x.yaml"], set.ExcludedFiles);
    }

    [Fact]
    public void Load_BlockInAFileWithOtherErrors_StillDeclaresItsReceiver()
    {
        var broken = File("ACM", "receiver", Acme).Replace("severity: warning", "severity: fatal", StringComparison.Ordinal);
        var set = Load(("receivers/acme.yaml", broken), ("generic/x.yaml", RuleNaming("GEN", "acmemail", condition: false)));

        Assert.Contains(set.Diagnostics, d => d.Id == "DBR0013");
        Assert.DoesNotContain(set.Diagnostics, d => d.Id == "DBR0010");
        Assert.Equal(["receivers/acme.yaml"], set.ExcludedFiles);
    }

    [Fact]
    public void ShippedRules_EveryReceiverAndFilterFileDeclaresACompleteEntryWithoutClashes()
    {
        var set = RuleSetLoader.Load(RuleSources.Embedded(), RuleLoadOptions.WithoutExampleChecks);

        Assert.Empty(Lint(set));
        foreach (var file in set.Files.Where(f => f.Path.Contains("/receivers/", StringComparison.Ordinal) || f.Path.Contains("/filters/", StringComparison.Ordinal)))
            Assert.True(file.Receiver is not null || file.Filter is not null, $"{file.Path} declares no receiver or filter block");
    }
}
