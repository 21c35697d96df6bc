using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>
/// DBR0106 / DBR0107 / DBR0108: the release ledger <c>RELEASES.md</c> lists every rule id (newest section first);
/// an id whose latest entry is not <c>removed</c> has a rule, a removed id is never back, and an id is <c>new</c> once.
/// </summary>
public sealed partial class LedgerCheck : ILintCheck
{
    private static readonly string[] Changes = ["new", "changed", "removed"];

    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        if (context.Ledger is not { } doc)
        {
            bag.Report(DiagnosticCatalog.LedgerUnreadable, SourceLocation.InFile("RELEASES.md"), "RELEASES.md was not found beside the rules; the release ledger was not checked");
            return;
        }
        var latest = new Dictionary<string, (string Change, int Line)>(StringComparer.Ordinal);
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in MarkdownTable.Rows(doc.Text))
        {
            if (row.Cells.Count < 2 || !Id().IsMatch(row.Cells[0]) || !Changes.Contains(row.Cells[1]))
            {
                bag.Report(DiagnosticCatalog.LedgerUnreadable, new SourceLocation(doc.Path, row.Line, 1), "row is not '| ID | new/changed/removed | file | notes |'");
                continue;
            }
            latest.TryAdd(row.Cells[0], (row.Cells[1], row.Line)); // the first (newest) entry of an id wins
            if (row.Cells[1] == "new" && !added.TryAdd(row.Cells[0], row.Line))
                bag.Report(DiagnosticCatalog.LedgerMismatch, new SourceLocation(doc.Path, row.Line, 1),
                    $"{row.Cells[0]} is listed as new again (first on line {added[row.Cells[0]]}); an id is new once, later entries say changed");
        }
        // Classification rules, and the diagnosis rules when they were loaded: one ledger for every rule id.
        var rules = context.Rules.Rules.Select(r => (r.Id, At: r.Descriptor.IdLocation))
            .Concat((context.DiagnosisRules ?? []).Select(r => (r.Id, At: new SourceLocation(r.File, r.Line, 1)))).ToList();
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, at) in rules)
        {
            if (!latest.TryGetValue(id, out var entry))
                bag.Report(DiagnosticCatalog.MissingFromLedger, at, $"rule {id} is not in {doc.Path}; add it under Unshipped");
            else if (entry.Change == "removed")
                bag.Report(DiagnosticCatalog.LedgerMismatch, new SourceLocation(doc.Path, entry.Line, 1), $"{id} is marked removed in the ledger but a rule has it; ids are never reused");
        }
        foreach (var (id, entry) in latest)
            if (entry.Change != "removed" && !ids.Contains(id) && (context.DiagnosisRules is not null || !id.StartsWith("DIAG", StringComparison.Ordinal)))
                bag.Report(DiagnosticCatalog.LedgerMismatch, new SourceLocation(doc.Path, entry.Line, 1), $"{id} is listed as {entry.Change} but no rule has it; mark it removed");
    }

    [GeneratedRegex("^[A-Z]{2,5}[0-9]{4}$")]
    private static partial Regex Id();
}
