using DeliverabilityBot.Rules.Diagnosis.Loading;
using DeliverabilityBot.Rules.Mta;

namespace DeliverabilityBot.Rules.Tests.Mta;

/// <summary><c>rules/mta/*.yaml</c>: what to change in Postfix, KumoMTA and PowerMTA per receiver and diagnosis.</summary>
public sealed class MtaThrottleLoaderTests : IDisposable
{
    private readonly string _rules = Directory.CreateTempSubdirectory("dbot-mta-").FullName;

    public void Dispose() => Directory.Delete(_rules, recursive: true);

    [Fact]
    public void Load_ShippedSet_EveryEntryNamesAShippedDiagnosisAndHasSources()
    {
        var set = MtaThrottleLoader.Load(TestPaths.InRepo("rules"));
        var diagnoses = DiagnosisRuleLoader.Load(TestPaths.InRepo("rules")).Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(set.Problems);
        Assert.NotEmpty(set.Throttles);
        Assert.All(set.Throttles, t =>
        {
            Assert.All(t.Diagnoses, id => Assert.Contains(id, diagnoses));
            Assert.NotEmpty(t.References);
        });
    }

    [Fact]
    public void Changes_IcloudDeferrals_ThrottleInEachMtasOwnTerms()
    {
        var lines = MtaThrottleLoader.Load(TestPaths.InRepo("rules")).Changes("icloud", "DIAG1002");

        var postfix = Assert.Single(lines, l => l.StartsWith("Postfix:", StringComparison.Ordinal));
        Assert.Contains("`slow-icloud_destination_concurrency_limit = 5`", postfix, StringComparison.Ordinal);
        Assert.Contains("`slow-icloud_initial_destination_concurrency = 2`", postfix, StringComparison.Ordinal);
        Assert.Contains("icloud.com, me.com, mac.com", postfix, StringComparison.Ordinal);
        var kumo = Assert.Single(lines, l => l.StartsWith("KumoMTA:", StringComparison.Ordinal));
        Assert.Contains("provider \"apple\"", kumo, StringComparison.Ordinal);
        Assert.Contains("`max_message_rate = \"60/min\"`", kumo, StringComparison.Ordinal);
        Assert.Contains("`max_connection_rate = \"50/min\"`", kumo, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("PowerMTA:", StringComparison.Ordinal) && l.Contains("`max-smtp-out 5`", StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_YahooDeferrals_PauseAndRateDelay()
    {
        var lines = MtaThrottleLoader.Load(TestPaths.InRepo("rules")).Changes("yahoo", "DIAG1019");

        Assert.Contains(lines, l => l.StartsWith("KumoMTA pause:", StringComparison.Ordinal) && l.Contains("`duration = \"2 hours\"`", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Postfix pause:", StringComparison.Ordinal) && l.Contains("defer_transports = slow-yahoo", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("`slow-yahoo_destination_rate_delay = 60s`", StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_UnknownReceiverOrDiagnosis_Nothing()
    {
        var set = MtaThrottleLoader.Load(TestPaths.InRepo("rules"));

        Assert.Empty(set.Changes("icloud", "DIAG1010"));
        Assert.Empty(set.Changes("nobody", "DIAG1002"));
    }

    [Fact]
    public void Load_EntryWithoutSources_ReportedWithItsFileAndLeftOut()
    {
        Directory.CreateDirectory(Path.Combine(_rules, "mta"));
        File.WriteAllText(Path.Combine(_rules, "mta", "bad.yaml"), "receiver: icloud\ndomains: [icloud.com]\nthrottles:\n  - diagnoses: [DIAG1002]\n    connections: 2\n");
        File.WriteAllText(Path.Combine(_rules, "mta", "good.yaml"), "receiver: gmail\ndomains: [gmail.com]\nthrottles:\n  - diagnoses: [DIAG1015]\n    pause: 1h\n    references:\n      - url: https://example.org/source\n        confidence: observed\n");

        var set = MtaThrottleLoader.Load(_rules);

        var problem = Assert.Single(set.Problems);
        Assert.Contains("bad.yaml", problem, StringComparison.Ordinal);
        Assert.Contains("references", problem, StringComparison.Ordinal);
        Assert.Equal("gmail", Assert.Single(set.Throttles).Receiver);
    }
}
