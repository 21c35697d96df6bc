using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>DBR0101: two rules of equal priority match one example but conclude differently, so the id order decides.</summary>
public sealed class ConflictCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var m in context.Examples)
        {
            var mine = Conclusions.Of(m.Owner.Descriptor);
            foreach (var other in m.Matching)
            {
                if (other == m.Owner || other.Descriptor.Priority != m.Owner.Descriptor.Priority) continue;
                var theirs = Conclusions.Of(other.Descriptor);
                var differing = mine.Where(p => theirs.TryGetValue(p.Key, out var v) && v != p.Value).Select(p => $"{p.Key} {p.Value} vs {theirs[p.Key]}").ToArray();
                var pair = string.CompareOrdinal(m.Owner.Id, other.Id) < 0 ? (m.Owner.Id, other.Id) : (other.Id, m.Owner.Id);
                if (differing.Length == 0 || !reported.Add(pair)) continue;
                bag.Report(DiagnosticCatalog.ConflictingConclusions, m.Example.Location,
                    $"rules {m.Owner.Id} and {other.Id} (both priority {m.Owner.Descriptor.Priority}) match this example but conclude differently ({string.Join(", ", differing)}); give one a higher priority or narrow one");
            }
        }
    }
}
