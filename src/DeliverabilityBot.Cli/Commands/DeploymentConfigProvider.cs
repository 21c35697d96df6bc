using DeliverabilityBot.Rules.Configuration;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Finds the deployment config: <c>--config FILE</c>, else <c>DBOT_CONFIG</c>, else <c>./dbot.config</c> when present.</summary>
internal static class DeploymentConfigProvider
{
    public static DeploymentConfig? Load(string? path, LoadedRuleSet rules, TextWriter error)
    {
        path = ResolvePath(path);
        if (path is null) return null;
        try
        {
            return DeploymentConfig.Parse(path, File.ReadAllText(path), rules.Rules.Select(r => r.Id));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"dbot: cannot read config '{path}': {ex.Message}");
            return null;
        }
    }

    /// <summary>The config file in use: <paramref name="path"/>, else <c>DBOT_CONFIG</c>, else <c>./dbot.config</c> when present; null when none.</summary>
    public static string? ResolvePath(string? path)
    {
        path ??= Environment.GetEnvironmentVariable("DBOT_CONFIG");
        if (!string.IsNullOrWhiteSpace(path)) return path;
        return File.Exists(DeploymentConfig.FileName) ? DeploymentConfig.FileName : null;
    }
}
