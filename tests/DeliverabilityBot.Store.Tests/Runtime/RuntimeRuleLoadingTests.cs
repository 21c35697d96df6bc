using DeliverabilityBot.Application;
using DeliverabilityBot.Tests.Shared;

namespace DeliverabilityBot.Store.Tests.Runtime;

/// <summary>Which rule set the runtime loads, and whether it runs the examples while loading.</summary>
public sealed class RuntimeRuleLoadingTests : IDisposable
{
    private readonly string _rules = Directory.CreateTempSubdirectory("dbot-runtime-rules-").FullName;

    public void Dispose() => Directory.Delete(_rules, recursive: true);

    [Fact]
    public void Rules_FolderOnDiskWithAWrongExample_ExampleCheckedAndReported()
    {
        File.WriteAllText(Path.Combine(_rules, "mailbox.yaml"), SampleRuleFiles.WrongExample);

        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { RulesDirectory = _rules });

        Assert.Contains(runtime.Rules.Diagnostics, d => d.Id == "DBR0016");
    }

    [Fact]
    public void Rules_EmbeddedSet_LoadsWithoutErrors()
    {
        if (Environment.GetEnvironmentVariable("DBOT_RULES") is { Length: > 0 }) return; // the runtime would read that folder

        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions());

        Assert.DoesNotContain(runtime.Rules.Diagnostics, d => d.IsError);
        Assert.NotEmpty(runtime.Rules.Rules);
    }
}
