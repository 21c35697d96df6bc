using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>DBR0105: a rule id outside its family's range in <c>ID-RANGES.md</c> (or a family with no range).</summary>
public sealed partial class IdRangeCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        if (context.IdRanges is not { } doc)
        {
            bag.Report(DiagnosticCatalog.LedgerUnreadable, SourceLocation.InFile("ID-RANGES.md"), "ID-RANGES.md was not found beside the rules; id ranges were not checked");
            return;
        }
        var ranges = new Dictionary<string, (int Low, int High)>(StringComparer.Ordinal);
        foreach (var row in MarkdownTable.Rows(doc.Text))
        {
            var m = Range().Match(row.Cells[^1]);
            if (row.Cells.Count < 2 || !m.Success || m.Groups["p1"].Value != row.Cells[0] || m.Groups["p2"].Value != row.Cells[0])
            {
                bag.Report(DiagnosticCatalog.LedgerUnreadable, new SourceLocation(doc.Path, row.Line, 1), "row is not '| PREFIX | ... | PREFIX1000-PREFIX1999 |'");
                continue;
            }
            ranges[row.Cells[0]] = (int.Parse(m.Groups["lo"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["hi"].Value, CultureInfo.InvariantCulture));
        }
        foreach (var file in context.Rules.Files)
        {
            if (!ranges.TryGetValue(file.Family, out var range))
            {
                bag.Report(DiagnosticCatalog.IdOutOfRange, file.FamilyLocation, $"family '{file.Family}' has no range in {doc.Path}; add a row for it");
                continue;
            }
            foreach (var rule in file.Rules)
            {
                var n = int.Parse(rule.Id.AsSpan(file.Family.Length), CultureInfo.InvariantCulture);
                if (n < range.Low || n > range.High)
                    bag.Report(DiagnosticCatalog.IdOutOfRange, rule.IdLocation,
                        $"rule id {rule.Id} is outside the {file.Family} range {file.Family}{range.Low:D4}-{file.Family}{range.High:D4} in {doc.Path}");
            }
        }
    }

    [GeneratedRegex(@"^(?<p1>[A-Z]{2,5})(?<lo>[0-9]{4})\s*-\s*(?<p2>[A-Z]{2,5})(?<hi>[0-9]{4})$")]
    private static partial Regex Range();
}
