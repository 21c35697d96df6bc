namespace DeliverabilityBot.Tests.Shared;

/// <summary>
/// Iteration counts for property and fuzz tests: modest by default so <c>dotnet test</c> stays quick; a long fuzz run
/// raises them with <c>DBOT_FUZZ_ITER</c> (e.g. <c>DBOT_FUZZ_ITER=200000 dotnet test --filter FullyQualifiedName~Properties</c>).
/// </summary>
public static class FuzzBudget
{
    /// <summary>The environment variable that overrides every property test's iteration count.</summary>
    public const string EnvironmentVariable = "DBOT_FUZZ_ITER";

    /// <summary><c>DBOT_FUZZ_ITER</c> when set to a positive number, else <paramref name="modest"/>.</summary>
    public static long Iterations(long modest) =>
        long.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var n) && n > 0 ? n : modest;

    /// <summary>Threads for sampling: one by default (the CI machine is shared), all cores in a long run.</summary>
    public static int Threads => Environment.GetEnvironmentVariable(EnvironmentVariable) is null ? 1 : -1;
}
