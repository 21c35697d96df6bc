using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>
/// DBR0110: a receiver or filter block without a display name, names, contacts or (a receiver) domains or hosts.
/// DBR0111: a name, typo, marker or display name that two ids claim (chat could not tell which one a person means).
/// </summary>
public sealed class RegistryCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        var blocks = context.Rules.Files.SelectMany(f => new[] { f.Receiver, f.Filter }).OfType<ReceiverBlock>().ToList();
        foreach (var b in blocks) CheckComplete(b, bag);
        var owners = new Dictionary<string, (string Id, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            // An id is a name of its own entry: another entry must not use it as a name.
            owners.TryAdd(b.Id, (b.Id, b.Location));
        }
        foreach (var b in blocks)
        {
            var terms = b.Names.Concat(b.Typos).Concat(b.Markers).Distinct(StringComparer.Ordinal);
            if (b.DisplayName is { } display) terms = terms.Append(display.ToLowerInvariant());
            foreach (var term in terms)
            {
                var at = b.TermLocations.TryGetValue(term, out var l) ? l : b.Location;
                if (owners.TryGetValue(term, out var owner) && owner.Id != b.Id)
                    bag.Report(DiagnosticCatalog.RegistryClash, at, $"'{term}' of '{b.Id}' is already a name of '{owner.Id}' at {owner.At}");
                else owners.TryAdd(term, (b.Id, at));
            }
        }
    }

    private static void CheckComplete(ReceiverBlock b, DiagnosticBag bag)
    {
        var kind = b.IsReceiver ? "receiver" : "filter";
        var missing = new List<string>();
        if (b.DisplayName is null) missing.Add("displayName");
        if (b.Names.Count == 0) missing.Add("names (what people type for it)");
        if (b.IsReceiver && b.Domains.Count == 0 && b.Hosts.Count == 0) missing.Add("domains or hosts");
        if (b.Contacts.Count == 0) missing.Add("contacts (postmaster page, sender support form or delisting page, with source)");
        if (missing.Count > 0)
            bag.Report(DiagnosticCatalog.IncompleteRegistryEntry, b.Location, $"{kind} block '{b.Id}' has no {string.Join(", no ", missing)}");
    }
}
