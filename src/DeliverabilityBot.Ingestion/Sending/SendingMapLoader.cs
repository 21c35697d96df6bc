namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>Builds the <see cref="SendingMap"/> of a deployment: its Postfix configuration folders and its deployment config.</summary>
public static class SendingMapLoader
{
    /// <summary>
    /// Reads <paramref name="mtaConfigDirectories"/> (<c>--mta-config</c>) and the sending lines of
    /// <paramref name="deploymentConfigPath"/> (when given and present); null when neither says anything.
    /// </summary>
    /// <exception cref="MtaConfigException">A file is missing or malformed.</exception>
    public static SendingMap? Load(IEnumerable<string> mtaConfigDirectories, string? deploymentConfigPath, ICollection<string> warnings)
    {
        var map = new SendingMap();
        foreach (var dir in mtaConfigDirectories) PostfixConfigReader.Read(dir, map, warnings);
        if (deploymentConfigPath is not null && File.Exists(deploymentConfigPath))
        {
            string text;
            try
            {
                text = File.ReadAllText(deploymentConfigPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MtaConfigException(deploymentConfigPath, 0, "cannot be read: " + ex.Message);
            }
            SendingConfigParser.Parse(deploymentConfigPath, text, map);
        }
        foreach (var shared in map.Services.GroupBy(s => s.SyslogName, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Select(s => (s.Route.Ip, s.Route.Ip6)).Distinct().Count() > 1))
            warnings.Add($"transports {string.Join(", ", shared.Select(s => $"'{s.Transport}' ({s.File}({s.Line}))"))} log as '{shared.Key}' but send from different addresses: " +
                "their lines get an IP only where transport_maps names the recipient domain's transport; give each its own '-o syslog_name=...'");
        return map.IsEmpty ? null : map;
    }
}
