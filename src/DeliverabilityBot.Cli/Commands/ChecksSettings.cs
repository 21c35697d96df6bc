using DeliverabilityBot.Checks;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// The DNS checks settings of the CLI, from the environment (the server reads the <c>Checks</c> configuration section
/// instead): <c>DBOT_CHECKS=off</c> switches them off, <c>DBOT_DNS</c> names the DNS servers, <c>DBOT_SENDING_IPS</c>,
/// <c>DBOT_SENDING_DOMAINS</c> and <c>DBOT_DKIM_SELECTORS</c> say what is ours (comma-separated lists).
/// </summary>
internal static class ChecksSettings
{
    /// <summary>The options from the environment, with <paramref name="configure"/> applied on top.</summary>
    public static ChecksOptions FromEnvironment(Action<ChecksOptions>? configure = null)
    {
        var options = new ChecksOptions
        {
            Enabled = !string.Equals(Environment.GetEnvironmentVariable("DBOT_CHECKS"), "off", StringComparison.OrdinalIgnoreCase),
            NameServers = List("DBOT_DNS"),
            SendingIps = List("DBOT_SENDING_IPS"),
            SendingDomains = List("DBOT_SENDING_DOMAINS"),
            DkimSelectors = List("DBOT_DKIM_SELECTORS"),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The checks for the options, or disabled ones saying which setting is wrong.</summary>
    public static IDeliverabilityChecks Create(ChecksOptions options)
    {
        try
        {
            return ChecksServiceCollectionExtensions.Create(options, TimeProvider.System);
        }
        catch (ArgumentException ex)
        {
            return new DisabledChecks($"the checks settings are invalid ({ex.Message.Replace("Checks:NameServers", "DBOT_DNS", StringComparison.Ordinal).Replace("Checks:SendingIps", "DBOT_SENDING_IPS", StringComparison.Ordinal).Replace("Checks:SendingDomains", "DBOT_SENDING_DOMAINS", StringComparison.Ordinal).Replace("Checks:DkimSelectors", "DBOT_DKIM_SELECTORS", StringComparison.Ordinal).TrimEnd('.')})");
        }
    }

    private static List<string> List(string variable) =>
        (Environment.GetEnvironmentVariable(variable) ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
