using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Loads the rule set a command runs with: <c>--rules DIR</c>, else <c>DBOT_RULES</c>, else the embedded set.</summary>
internal static class RuleSetProvider
{
    /// <summary>Loads rules; a missing folder is reported and yields null.</summary>
    public static LoadedRuleSet? Load(string? directory, TextWriter error)
    {
        try
        {
            return RuleSetLoader.Load(RuleSources.Resolve(directory));
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
