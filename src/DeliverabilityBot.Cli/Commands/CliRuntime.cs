using System.CommandLine;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Configuration;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// How every command gets its rules, classifier, diagnosis engine, store and deployment config: one
/// <see cref="DeliverabilityBotRuntime"/> built from <c>--rules</c>, <c>--store</c>, <c>--config</c> (else <c>DBOT_CONFIG</c>, else
/// <c>./dbot.config</c>) and the command's own options, so a severity override applies to every command alike.
/// </summary>
internal static class CliRuntime
{
    /// <summary>The runtime for a parse result; <paramref name="configure"/> sets the command's own options.</summary>
    public static DeliverabilityBotRuntime Create(ParseResult parse, Action<DeliverabilityBotOptions>? configure = null)
    {
        var options = new DeliverabilityBotOptions
        {
            RulesDirectory = parse.GetValue(CliOptions.Rules),
            DeploymentConfigFile = DeploymentConfigFile.ResolvePath(parse.GetValue(CliOptions.Config)),
            StoreConnectionString = parse.GetValue(CliOptions.Store),
        };
        configure?.Invoke(options);
        return new(options);
    }

    /// <summary>
    /// Loads the classification rules and reads the deployment config, writing rule file errors (when
    /// <paramref name="reportErrors"/>), left-out files and config problems on <paramref name="error"/>; null when the
    /// rules folder does not exist.
    /// </summary>
    public static LoadedRuleSet? LoadRules(DeliverabilityBotRuntime runtime, TextWriter error, bool reportErrors = true)
    {
        LoadedRuleSet rules;
        try
        {
            rules = runtime.Rules;
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine($"dbot: {ex.Message}");
            return null;
        }
        if (reportErrors)
        {
            foreach (var d in rules.Diagnostics.Where(d => d.IsError)) error.WriteLine(d);
            if (rules.ExcludedFiles.Count > 0)
                error.WriteLine($"dbot: warning: {rules.ExcludedFiles.Count} rule file(s) with errors were left out; run 'dbot rules validate'.");
        }
        ReportConfig(runtime, error, reportErrors);
        return rules;
    }

    /// <summary>Writes why the deployment config could not be read and, when <paramref name="reportErrors"/>, its malformed lines.</summary>
    public static void ReportConfig(DeliverabilityBotRuntime runtime, TextWriter error, bool reportErrors = true)
    {
        if (runtime.ConfigProblem is { } problem) error.WriteLine($"dbot: {problem}");
        if (reportErrors)
            foreach (var d in DeploymentConfigFile.Problems(runtime.Config, errorsOnly: true)) error.WriteLine(d);
    }

    /// <summary>Writes each rule regex timeout of the start-up set as it happens (DBR0028).</summary>
    public static void ReportTimeouts(LoadedRuleSet rules, TextWriter error) =>
        rules.Timeouts.TimedOut += (id, pattern, _) => error.WriteLine($"{id}: warning DBR0028: regex timed out while matching; treated as no match: {pattern}");
}
