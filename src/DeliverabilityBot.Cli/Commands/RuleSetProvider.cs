using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Names the rule set a command runs with (<c>--rules DIR</c>, else <c>DBOT_RULES</c>, else the embedded set); <see cref="CliRuntime"/> loads it.</summary>
internal static class RuleSetProvider
{
    /// <summary>Where the rules came from, for messages.</summary>
    public static string Describe(string? directory)
    {
        if (!string.IsNullOrWhiteSpace(directory)) return directory;
        var env = Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(env) ? "the embedded rule set" : env;
    }
}
