using DeliverabilityBot.IntegrationTests.Postfix;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// Runs Postfix once for all tests of the class (about a minute: the queue lifetime is seconds) and
/// writes each scenario's fixture folder into a temporary folder; set <c>DBOT_REALRUN_CAPTURE=DIR</c> to
/// also write them to DIR (how tests/fixtures/scenarios/postfix-real-* were captured), and
/// <c>DBOT_REALRUN_KEEP=1</c> to keep the run's folder. Where Postfix
/// cannot run, <see cref="Unavailable"/> says why and nothing runs.
/// </summary>
public sealed class RealRunFixture : IDisposable
{
    /// <summary>Queue lifetime of the run: long enough for several retries, short enough for the test suite.</summary>
    public static readonly TimeSpan QueueLifetime = TimeSpan.FromSeconds(24);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "dbot-realrun", Guid.NewGuid().ToString("N"));
    private readonly Lazy<RealRunResult> _result;

    public RealRunFixture()
    {
        Unavailable = PostfixAvailability.Missing();
        _result = new(Run);
    }

    /// <summary>Why Postfix cannot run here, or null.</summary>
    public string? Unavailable { get; }

    /// <summary>The run (started on first use).</summary>
    public RealRunResult Result => _result.Value;

    /// <summary>The folder holding each scenario's fixture folder.</summary>
    public string ScenariosDir => Path.Combine(_work, "scenarios");

    /// <summary>A scenario's fixture folder (written by the run).</summary>
    public string FolderOf(RealRunScenario scenario)
    {
        _ = Result;
        return Path.Combine(ScenariosDir, scenario.FolderName);
    }

    private RealRunResult Run()
    {
        var postfixRoot = Path.Combine(_work, "postfix");
        var result = RealRun.ExecuteAsync(postfixRoot, RealRunScenarios.All, QueueLifetime).GetAwaiter().GetResult();
        var capture = Environment.GetEnvironmentVariable("DBOT_REALRUN_CAPTURE");
        foreach (var scenario in RealRunScenarios.All)
        {
            result.WriteFixture(scenario, Path.Combine(ScenariosDir, scenario.FolderName), Path.Combine(postfixRoot, "etc"));
            if (!string.IsNullOrEmpty(capture)) result.WriteFixture(scenario, Path.Combine(capture, scenario.FolderName), Path.Combine(postfixRoot, "etc"));
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // DBOT_REALRUN_KEEP=1 keeps the Postfix folder (config, queue, log, DSNs) to look into a failure.
        if (Environment.GetEnvironmentVariable("DBOT_REALRUN_KEEP") == "1") return;
        try { if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
