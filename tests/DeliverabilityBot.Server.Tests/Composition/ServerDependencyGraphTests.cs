using System.Text.Json;

namespace DeliverabilityBot.Server.Tests.Composition;

/// <summary>
/// The server ships the rules runtime only: lint, rule fixtures, SARIF and the release ledger
/// (DeliverabilityBot.Rules.Tooling) are for the CLI and the tests. Read from the server's own dependency manifest
/// (<c>DeliverabilityBot.Server.deps.json</c>, what <c>dotnet publish</c> of the server ships), not from assemblies
/// loaded at run time, so an unused project reference is caught too.
/// </summary>
public sealed class ServerDependencyGraphTests
{
    private const string Tooling = "DeliverabilityBot.Rules.Tooling";

    [Fact]
    public void ServerDepsJson_RulesRuntimeWithoutTooling()
    {
        var libraries = ServerLibraries();

        Assert.Contains("DeliverabilityBot.Rules", libraries); // the manifest read is the server's whole graph
        Assert.Contains("NRules", libraries);
        Assert.DoesNotContain(Tooling, libraries);
    }

    [Fact]
    public void ServerAssembly_ReferencesNoToolingAssembly()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<System.Reflection.Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                if (name.Name is null || !name.Name.StartsWith("DeliverabilityBot.", StringComparison.Ordinal) || !seen.Add(name.Name)) continue;
                pending.Push(System.Reflection.Assembly.Load(name));
            }
        }

        Assert.Contains("DeliverabilityBot.Rules", seen);
        Assert.DoesNotContain(Tooling, seen);
    }

    /// <summary>Every library (project and package) named in the server's deps.json, by name without version.</summary>
    private static HashSet<string> ServerLibraries()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "DeliverabilityBot.Server.deps.json");
        Assert.True(File.Exists(path), $"the server's dependency manifest is not beside the tests: {path}");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var library in doc.RootElement.GetProperty("libraries").EnumerateObject()) names.Add(library.Name.Split('/')[0]);
        foreach (var target in doc.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                names.Add(library.Name.Split('/')[0]);
                if (library.Value.TryGetProperty("dependencies", out var deps))
                    foreach (var dep in deps.EnumerateObject()) names.Add(dep.Name);
            }
        }

        return names;
    }
}
