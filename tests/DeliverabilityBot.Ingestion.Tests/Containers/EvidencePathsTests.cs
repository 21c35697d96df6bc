using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

public sealed class EvidencePathsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dbot-paths-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void Expand_Folder_HiddenYamlAndMarkdownSkippedUnlessNamed()
    {
        var eml = Touch("cisco/refused.eml");
        var expect = Touch("cisco/refused.expect.yaml");
        Touch("cisco/README.md");
        Touch("cisco/old/notes.YML");
        var log = Touch("cisco/old/maillog");
        Touch("cisco/.git/objects/ab/cdef");
        Touch("cisco/.hidden.eml");

        var evidence = EvidencePaths.Expand([_dir]).Select(f => f.Path).ToList();
        var named = EvidencePaths.Expand([expect]).Select(f => f.Path).ToList();

        Assert.Equal([eml, log], evidence);
        Assert.Equal([expect], named);
    }

    [Fact]
    public void Expand_StandardInputTwice_SecondIsAProblemTheRestRead()
    {
        var eml = Touch("a.eml");

        var expanded = EvidencePaths.Expand([EvidencePaths.StandardInput, eml, EvidencePaths.StandardInput]).ToList();

        Assert.Equal([("-", null), (eml, null)], expanded[..2]);
        Assert.Equal("-", expanded[2].Path);
        Assert.Equal("-: standard input is given more than once; it can be read only once", expanded[2].Problem);
    }
}
