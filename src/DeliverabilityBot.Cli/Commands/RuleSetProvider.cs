using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Loads the rule set a command runs with: <c>--rules DIR</c>, else <c>DBOT_RULES</c>, else the embedded set.</summary>
internal static class RuleSetProvider
{
    /// <summary>
    /// Loads rules (by default checking every example, as the authoring commands need; commands that only classify
    /// pass <see cref="RuleLoadOptions.WithoutExampleChecks"/>); a missing folder is reported and yields null.
    /// </summary>
    public static LoadedRuleSet? Load(string? directory, TextWriter error, RuleLoadOptions? options = null)
    {
        try
        {
            return RuleSetLoader.Load(RuleSources.Resolve(directory), options);
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine($"dbot: {ex.Message}");
            return null;
        }
    }

    /// <summary>Where the rules came from, for messages.</summary>
    public static string Describe(string? directory)
    {
        if (!string.IsNullOrWhiteSpace(directory)) return directory;
        var env = Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(env) ? "the embedded rule set" : env;
    }
}
