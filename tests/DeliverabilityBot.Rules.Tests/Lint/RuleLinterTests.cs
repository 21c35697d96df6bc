using DeliverabilityBot.Rules.Lint;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Lint;

public class RuleLinterTests
{
    private static string Rule(string id, string match, string example, int priority = 400, string reason = "blocked", string extra = "") => $"""
          - id: {id}
            title: t {id}
            message: m
            category: reputation
            severity: warning
            priority: {priority}
            helpUri: https://example.org/help
            references: [{"{"}url: "https://example.org/ref", confidence: official{"}"}]
            match:
              {match}
            reason: {reason}
            explanation: e
            actions: [a]
            examples: ["{example}"]
        {extra}
        """;

    private static string File(params string[] rules) => "family: BRC\nscope: filter\nrules:\n" + string.Join("\n", rules);

    private const string Ranges = "| prefix | family | scope | file | range |\n| --- | --- | --- | --- | --- |\n| BRC | Barracuda | filter | `filters/barracuda.yaml` | BRC1000-BRC1999 |\n";

    private static IReadOnlyList<Rules.Diagnostics.RuleDiagnostic> Lint(string yaml, string? ledger = null)
    {
        var set = RuleSetLoader.Load([TestRules.Inline("barracuda.yaml", yaml)]);
        Assert.Empty(set.Diagnostics);
        ledger ??= "## Unshipped\n\n| id | change | file | notes |\n| --- | --- | --- | --- |\n" + string.Join("", set.Rules.Select(r => $"| {r.Id} | new | `filters/barracuda.yaml` | x |\n"));
        return RuleLinter.Lint(set, new RuleDocument("ID-RANGES.md", Ranges), new RuleDocument("RELEASES.md", ledger));
    }

    [Fact]
    public void Lint_CleanRules_NoDiagnostics() =>
        Assert.Empty(Lint(File(Rule("BRC1001", "contains: alpha", "550 alpha"), Rule("BRC1002", "contains: beta", "550 beta"))));

    [Fact]
    public void Lint_EqualPriorityDifferentReason_ReportsDbr0101AtExample()
    {
        var d = Assert.Single(Lint(File(Rule("BRC1001", "contains: alpha", "550 alpha beta"), Rule("BRC1002", "contains: beta", "550 beta", reason: "spamdetected"))));

        Assert.Equal(("DBR0101", 17), (d.Id, d.Location.Line));
        Assert.Contains("reason blocked vs spamdetected", d.Message);
    }

    [Fact]
    public void Lint_HigherPriorityCoversEveryExample_ReportsDbr0102()
    {
        var d = Assert.Single(Lint(File(Rule("BRC1001", "contains: alpha", "550 alpha", priority: 500), Rule("BRC1002", "contains: alpha beta", "550 alpha beta"))), d => d.Id == "DBR0102");

        Assert.Contains("BRC1002 never decides on its own examples: each is decided by higher-priority BRC1001", d.Message);
        Assert.Equal(19, d.Location.Line);
    }

    [Fact]
    public void Lint_SameMatchTwice_ReportsDbr0103()
    {
        var diagnostics = Lint(File(Rule("BRC1001", "contains: [alpha, beta]", "550 alpha"), Rule("BRC1002", "contains: [beta, alpha]", "550 beta", priority: 300)));

        Assert.Contains(diagnostics, d => d.Id == "DBR0103" && d.Message.Contains("same match as rule BRC1001"));
    }

    [Fact]
    public void Lint_LiteralRegex_ReportsDbr0104WithContainsText()
    {
        var d = Assert.Single(Lint(File(Rule("BRC1001", @"regex: 'blocked using b\.barracudacentral\.org'", "550 blocked using b.barracudacentral.org"))));

        Assert.Equal(("DBR0104", 13, 14), (d.Id, d.Location.Line, d.Location.Column));
        Assert.Contains("contains: \"blocked using b.barracudacentral.org\"", d.Message);
    }

    [Theory]
    [InlineData(@"\d+ blocked")]
    [InlineData("^blocked")]
    [InlineData("block(ed)?")]
    [InlineData("a.b")]
    public void Literal_RegexFeatures_AreNotLiteral(string pattern) => Assert.Null(RegexLiteralCheck.Literal(pattern));

    [Fact]
    public void Lint_IdOutsideRange_ReportsDbr0105()
    {
        var d = Assert.Single(Lint(File(Rule("BRC2001", "contains: alpha", "550 alpha"))));

        Assert.Equal(("DBR0105", 4, 9), (d.Id, d.Location.Line, d.Location.Column));
        Assert.Contains("outside the BRC range BRC1000-BRC1999", d.Message);
    }

    [Fact]
    public void Lint_Ledger_MissingIdStaleIdAndRemovedIdReused()
    {
        const string ledger = "## Unshipped\n\n| id | change | file | notes |\n| --- | --- | --- | --- |\n| BRC1003 | new | x | gone without removal |\n| BRC1002 | removed | x | retired |\n| BRC1004 | renamed | x | bad change |\n";

        var diagnostics = Lint(File(Rule("BRC1001", "contains: alpha", "550 alpha"), Rule("BRC1002", "contains: beta", "550 beta")), ledger);

        Assert.Equal(
            ["DBR0106 barracuda.yaml 4", "DBR0107 RELEASES.md 5", "DBR0107 RELEASES.md 6", "DBR0108 RELEASES.md 7"],
            diagnostics.Select(d => $"{d.Id} {d.Location.File} {d.Location.Line}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lint_Ledger_IdListedAsNewTwice_ReportsDbr0107OnTheSecond()
    {
        const string ledger = "## Unshipped\n\n| id | change | file | notes |\n| --- | --- | --- | --- |\n| BRC1001 | new | x | first |\n| BRC1001 | changed | x | fine |\n| BRC1001 | new | x | pasted twice |\n";

        var d = Assert.Single(Lint(File(Rule("BRC1001", "contains: alpha", "550 alpha")), ledger));

        Assert.Equal(("DBR0107", "RELEASES.md", 7), (d.Id, d.Location.File, d.Location.Line));
        Assert.Contains("first on line 5", d.Message);
    }

    [Fact]
    public void Lint_SuspendRuleMatchingSenderBlockedWording_ReportsDbr0109()
    {
        var d = Assert.Single(Lint(File(Rule("BRC1001", "regex: 'address (?:is |has been )?blocked'", "550 5.2.1 Recipient address blocked", reason: "suspend"))), d => d.Id == "DBR0109");

        Assert.Contains("reason suspend", d.Message);
        Assert.Contains("matches a reply about the sender", d.Message);
    }

    [Fact]
    public void Lint_HardBounceExampleWithoutMailboxEvidence_ReportsDbr0109AtExample()
    {
        var d = Assert.Single(Lint(File(Rule("BRC1001", "contains: zeta", "550 5.7.1 zeta", extra: "    hardBounce: true"))), d => d.Id == "DBR0109");

        Assert.Contains("shows no evidence that the mailbox is the subject", d.Message);
        Assert.Equal(17, d.Location.Line);
    }

    [Fact]
    public void Lint_UserUnknownRuleExcludingSenderWording_NoDbr0109() =>
        Assert.DoesNotContain(Lint(File(Rule("BRC1001", "status: 5.1.1", "550 5.1.1 User unknown", reason: "userunknown", extra: "    hardBounce: true"))), d => d.Id == "DBR0109");

    [Fact]
    public void Lint_Ledger_DiagnosisRulesChecked_MissingAndStaleDiagIdsReported()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("barracuda.yaml", File(Rule("BRC1001", "contains: alpha", "550 alpha")))]);
        const string ledger = "## Unshipped\n\n| id | change | file | notes |\n| --- | --- | --- | --- |\n| BRC1001 | new | x | y |\n| DIAG1001 | new | x | listed |\n| DIAG1009 | new | x | no such rule |\n";
        Rules.Diagnosis.Model.DiagnosisRule Diag(string id) => new()
        {
            Id = id, Title = "t", Message = "m", Category = "reputation", Severity = Core.Classification.RuleSeverity.Error, HelpUri = "https://example.org",
            Explanation = "e", Actions = ["a"], References = [], Examples = ["s"], Signal = new(), When = [], File = "diagnosis/x.yaml", Line = 3,
        };

        var checkedDiag = RuleLinter.Lint(set, null, new RuleDocument("RELEASES.md", ledger), [Diag("DIAG1001"), Diag("DIAG1002")]);
        var classificationOnly = RuleLinter.Lint(set, null, new RuleDocument("RELEASES.md", ledger));

        Assert.Equal(["DBR0106 diagnosis/x.yaml DIAG1002", "DBR0107 RELEASES.md DIAG1009"],
            checkedDiag.Where(d => d.Message.Contains("DIAG", StringComparison.Ordinal)).Select(d => $"{d.Id} {d.Location.File} {(d.Message.Contains("DIAG1002") ? "DIAG1002" : "DIAG1009")}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(classificationOnly, d => d.Message.Contains("DIAG", StringComparison.Ordinal));
    }
}
