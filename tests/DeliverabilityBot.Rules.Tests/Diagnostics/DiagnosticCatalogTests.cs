using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Tests.Diagnostics;

public class DiagnosticCatalogTests
{
    [Fact]
    public void Catalog_EveryId_IsDocumentedInDiagnosticsMd()
    {
        var doc = File.ReadAllText(TestPaths.InRepo("rules", "DIAGNOSTICS.md"));

        var missing = DiagnosticCatalog.All.Where(d => !doc.Contains($"</a>{d.Id} | {d.DefaultLevel.ToString().ToLowerInvariant()} | {d.Title} |")).Select(d => d.Id);

        Assert.Empty(missing);
    }

    [Fact]
    public void Catalog_Ids_AreUniqueAndWellFormed()
    {
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Id).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d => Assert.Matches("^DBR[0-9]{4}$", d.Id));
    }
}
