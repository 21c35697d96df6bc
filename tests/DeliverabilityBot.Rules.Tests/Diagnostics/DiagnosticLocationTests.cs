using System.Text;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using static DeliverabilityBot.Rules.Tests.Diagnostics.BrokenRuleFiles;

namespace DeliverabilityBot.Rules.Tests.Diagnostics;

/// <summary>Each load-time diagnostic id on a broken rule file, at its exact line and column.</summary>
public class DiagnosticLocationTests
{
    private const string File = "rules/filters/barracuda.yaml";

    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        { "DBR0001", "family: BRC\nscope: filter\nrules:\n  - id: \"BRC1001\n", 4, 9, "" },
        { "DBR0003", Replace(7, "    category: &cat reputation"), 7, 15, "anchors" },
        { "DBR0003", "- just\n- a list\n", 1, 1, "root must be a mapping" },
        { "DBR0004", Replace(14, "    mach:"), 14, 5, "unknown key 'mach' in rule BRC1001; did you mean 'match'?" },
        { "DBR0004", Insert(3, "famly: BRC"), 3, 1, "did you mean 'family'?" },
        { "DBR0004", Replace(15, "      contain: barracudacentral"), 15, 7, "did you mean 'contains'?" },
        { "DBR0005", Replace(9, "    priority: high"), 9, 15, "'priority' in rule BRC1001 must be a whole number, not 'high'" },
        { "DBR0005", Replace(19, "    actions: {a: b}"), 19, 14, "must be a string or a list of strings" },
        { "DBR0006", Replace(5, null), 4, 5, "missing required field 'title' in rule BRC1001" },
        { "DBR0008", Replace(4, "  - id: ICL1001"), 4, 9, "does not start with the file's family 'BRC'" },
        { "DBR0008", Replace(4, "  - id: BRC-1"), 4, 9, "four digits" },
        { "DBR0009", Replace(16, "    reason: blockd"), 16, 13, "unknown reason 'blockd' in rule BRC1001; did you mean 'blocked'?" },
        { "DBR0010", Insert(16, "    receiver: icloudd"), 16, 15, "unknown receiver 'icloudd'" },
        { "DBR0010", Insert(15, "      receiver: gmial"), 15, 17, "no receiver block in rules/receivers or rules/filters declares it" },
        { "DBR0011", Replace(17, "    filter: barracda"), 17, 13, "did you mean 'barracuda'?" },
        { "DBR0012", Replace(7, "    category: reputaton"), 7, 15, "unknown category 'reputaton'" },
        { "DBR0013", Replace(8, "    severity: fatal"), 8, 15, "unknown severity 'fatal'" },
        { "DBR0014", Replace(2, "scope: filtre"), 2, 8, "unknown scope 'filtre'" },
        { "DBR0014", Insert(15, "      stage: rcpt"), 15, 14, "unknown stage 'rcpt'" },
        { "DBR0015", Replace(15, "      regex: 'barracuda(['"), 15, 14, "invalid regex in rule BRC1001" },
        { "DBR0016", Replace(21, "      - \"554 5.7.1 blocked using zen.spamhaus.org\""), 21, 9, "example of rule BRC1001 does not match" },
        { "DBR0017", Replace(23, "      - \"554 5.7.1 blocked using b.barracudacentral.org\""), 23, 9, "counter-example of rule BRC1001 matches" },
        { "DBR0018", Replace(21, null).Replace("    examples:\n", "    examples: []\n"), 20, 15, "has no examples" },
        { "DBR0019", Replace(10, "    helpUri: barracudacentral.org/lookups"), 10, 14, "not an absolute http(s) URL" },
        { "DBR0019", Replace(12, "      - url: ftp://example.org/x"), 12, 14, "not an absolute http(s) URL" },
        { "DBR0020", Replace(13, null), 12, 9, "has no confidence" },
        { "DBR0021", Replace(13, "        confidence: unconfirmed"), 13, 21, "must be official, observed or secondary" },
        { "DBR0022", Insert(6, "    title: Again"), 6, 5, "duplicate key" },
        { "DBR0023", Insert(15, "      code: 5.5"), 15, 13, "not a reply code pattern" },
        { "DBR0023", Insert(15, "      status: [5.7.1, 5.x.1]"), 15, 23, "not an enhanced status pattern" },
        { "DBR0023", Insert(15, "      host: 'mx?.example.com'"), 15, 13, "not a host glob" },
        { "DBR0024", Replace(9, "    priority: 5000"), 9, 15, "outside 0 to 1000" },
        { "DBR0025", Replace(1, "family: brc"), 1, 9, "2 to 5 upper-case letters" },
        { "DBR0026", Replace(6, "    message: \"Blocked {ipaddr}\""), 6, 14, "unknown placeholder '{ipaddr}'" },
        { "DBR0027", "", 0, 0, "the file is empty" },
        { "DBR0027", "family: BRC\nscope: filter\nrules: []\n", 3, 8, "'rules' is empty" },
        { "DBR0029", Replace(15, "      all: []"), 15, 12, "has no conditions" },
        { "DBR0039", Insert(16, "    receiver: iCloud-Mail"), 16, 15, "'iCloud-Mail' in rule BRC1001 is not a receiver id" },
        { "DBR0039", Insert(15, "      receiver: 'apple mail'"), 15, 17, "is not a receiver id" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BrokenFile_ReportsIdAtLineAndColumn(string id, string yaml, int line, int column, string messagePart)
    {
        var set = RuleSetLoader.Load([TestRules.Inline(File, yaml)]);

        var d = Assert.Single(set.Diagnostics, d => d.Id == id);
        Assert.Equal((line, column), (d.Location.Line, d.Location.Column));
        Assert.Equal(File, d.Location.File);
        Assert.Contains(messagePart, d.Message);
    }

    [Fact]
    public void Load_ValidTemplate_HasNoDiagnostics() =>
        Assert.Empty(RuleSetLoader.Load([TestRules.Inline(File, Valid)]).Diagnostics);

    [Fact]
    public void Load_BinaryGarbage_ReportsDbr0002()
    {
        var set = RuleSetLoader.Load([TestRules.Bytes(File, [0x66, 0x61, 0x00, 0x01, 0xFF, 0x00])]);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(("DBR0002", 0), (d.Id, d.Location.Line));
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Load_InvalidUtf8_ReportsDbr0002()
    {
        var d = Assert.Single(RuleSetLoader.Load([TestRules.Bytes(File, [0x66, 0x3A, 0x20, 0xC3, 0x28])]).Diagnostics);
        Assert.Equal("DBR0002", d.Id);
        Assert.Contains("UTF-8", d.Message);
    }

    [Fact]
    public void Load_FileOverSizeLimit_ReportsDbr0002WithoutReading()
    {
        var huge = new RuleSourceFile(File, 5L * 1024 * 1024 * 1024, () => throw new InvalidOperationException("must not be opened"));

        var d = Assert.Single(RuleSetLoader.Load([huge]).Diagnostics);
        Assert.Equal("DBR0002", d.Id);
        Assert.Contains("limit", d.Message);
    }

    [Fact]
    public void Load_BillionLaughs_ReportsDbr0003()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        Assert.Equal("DBR0003", Assert.Single(RuleSetLoader.Load([TestRules.Inline(File, yaml)]).Diagnostics).Id);
    }

    [Fact]
    public void Load_DeepNesting_ReportsDbr0003()
    {
        var yaml = new string('[', 10_000) + new string(']', 10_000);

        Assert.Equal("DBR0003", Assert.Single(RuleSetLoader.Load([TestRules.Inline(File, yaml)]).Diagnostics).Id);
    }

    [Fact]
    public void Load_DuplicateIdAcrossFiles_ReportsDbr0007AtSecondFile()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("rules/a.yaml", Valid), TestRules.Inline("rules/b.yaml", Valid)]);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(("DBR0007", "rules/b.yaml", 4, 9), (d.Id, d.Location.File, d.Location.Line, d.Location.Column));
        Assert.Contains("rules/a.yaml(4,9)", d.Message);
        Assert.Equal(["rules/b.yaml"], set.ExcludedFiles);
        Assert.Single(set.Rules);
    }

    [Fact]
    public void Load_DomainClaimedTwice_ReportsDbr0030Warning()
    {
        const string a = "family: GML\nscope: receiver\nreceiver:\n  id: gmail\n  domains: [gmail.com]\nrules: []\n";
        const string b = "family: YHO\nscope: receiver\nreceiver:\n  id: yahoo\n  domains: [gmail.com]\nrules: []\n";

        var d = Assert.Single(RuleSetLoader.Load([TestRules.Inline("a.yaml", a), TestRules.Inline("b.yaml", b)]).Diagnostics, d => d.Id == "DBR0030");
        Assert.Equal(("b.yaml", 4, 3, DiagnosticLevel.Warning), (d.Location.File, d.Location.Line, d.Location.Column, d.Level));
    }

    [Fact]
    public void Diagnostic_ToString_IsCompilerFormat()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("rules/receivers/icloud.yaml", Replace(14, "    mach:"))]);

        Assert.Contains(set.Diagnostics, d => d.ToString() == "rules/receivers/icloud.yaml(14,5): error DBR0004: unknown key 'mach' in rule BRC1001; did you mean 'match'?");
    }
}
