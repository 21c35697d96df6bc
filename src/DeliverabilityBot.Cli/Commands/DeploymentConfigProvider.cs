using DeliverabilityBot.Rules.Configuration;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Finds the deployment config: <c>--config FILE</c>, else <c>DBOT_CONFIG</c>, else <c>./dbot.config</c> when present.</summary>
internal static class DeploymentConfigProvider
{
    public static DeploymentConfig? Load(string? path, LoadedRuleSet rules, TextWriter error)
    {
        path ??= Environment.GetEnvironmentVariable("DBOT_CONFIG");
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(DeploymentConfig.FileName)) return null;
            path = DeploymentConfig.FileName;
        }
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
}
