using DeliverabilityBot.Rules.Configuration;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Application.Configuration;

/// <summary>
/// Finds and reads the deployment config (<c>dbot.config</c>: rule severity overrides and the sending map) for every
/// host: <c>--config FILE</c> (server: configuration key <c>config</c>), else <c>DBOT_CONFIG</c>, else <c>./dbot.config</c>.
/// </summary>
public static class DeploymentConfigFile
{
    /// <summary>The environment variable naming the file.</summary>
    public const string EnvironmentVariable = "DBOT_CONFIG";

    /// <summary>The config file in use: <paramref name="path"/>, else <c>DBOT_CONFIG</c>, else <c>./dbot.config</c> when present; null when none.</summary>
    public static string? ResolvePath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(path)) return path;
        return File.Exists(DeploymentConfig.FileName) ? DeploymentConfig.FileName : null;
    }

    /// <summary>
    /// Reads <paramref name="path"/> (null: no config), checking override ids against <paramref name="knownRuleIds"/>
    /// (null: not checked). A file that cannot be read gives no config and one problem line; nothing throws.
    /// </summary>
    public static (DeploymentConfig? Config, string? Problem) Read(string? path, IEnumerable<string>? knownRuleIds)
    {
        if (path is null) return (null, null);
        try
        {
            var config = DeploymentConfig.Parse(path, File.ReadAllText(path), knownRuleIds ?? []);
            if (knownRuleIds is null) config.Diagnostics.RemoveAll(d => d.Id == DiagnosticCatalog.OverrideUnknownId.Id);
            return (config, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read config '{path}': {ex.Message}");
        }
    }

    /// <summary>The config's own problems (malformed lines, unknown ids), errors only when <paramref name="errorsOnly"/>.</summary>
    public static IEnumerable<RuleDiagnostic> Problems(DeploymentConfig? config, bool errorsOnly) =>
        config?.Diagnostics.Where(d => !errorsOnly || d.IsError) ?? [];
}
