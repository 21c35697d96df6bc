namespace DeliverabilityBot.Store;

/// <summary>Finds the data folder: <c>--data DIR</c>, else <c>DBOT_DATA</c>, else a per-user folder.</summary>
public static class DataFolder
{
    /// <summary>The environment variable that names the data folder.</summary>
    public const string EnvironmentVariable = "DBOT_DATA";

    /// <summary>Resolves the folder (not created here; the store creates it on first use).</summary>
    /// <param name="explicitPath">The <c>--data</c> value, or null.</param>
    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        return DefaultFolder();
    }

    /// <summary>The per-user default: <c>$XDG_DATA_HOME/dbot</c>, <c>~/.local/share/dbot</c>, or LocalAppData on Windows.</summary>
    public static string DefaultFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (!OperatingSystem.IsWindows() && !string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "dbot");
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(local))
            local = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(local, OperatingSystem.IsWindows() ? "DeliverabilityBot" : "dbot");
    }
}
