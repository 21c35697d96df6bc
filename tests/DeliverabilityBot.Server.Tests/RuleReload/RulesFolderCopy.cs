namespace DeliverabilityBot.Server.Tests.RuleReload;

/// <summary>A temporary copy of the Rules.Tests valid rule set (iCloud, Proofpoint, generic), deleted on dispose.</summary>
public sealed class RulesFolderCopy : IDisposable
{
    public RulesFolderCopy()
    {
        var source = TestPaths.InRepo("tests", "DeliverabilityBot.Rules.Tests", "TestData", "valid");
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("dbot-rules-").FullName;

    public string ICloud => System.IO.Path.Combine(Path, "receivers", "icloud.yaml");

    /// <summary>Rewrites the iCloud file with <paramref name="edit"/> applied to its text.</summary>
    public void Edit(Func<string, string> edit) => File.WriteAllText(ICloud, edit(File.ReadAllText(ICloud)));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
