namespace DeliverabilityBot.Server;

/// <summary>Settings read before the host is built: the data folder and the <c>--demo</c> switch.</summary>
public static class ServerSettings
{
    /// <summary>True when <c>--demo</c> was given, or configuration says <c>Demo=true</c> (tests, containers).</summary>
    public static bool DemoEnabled(bool demoSwitch, IConfiguration configuration) => demoSwitch || configuration.GetValue("Demo", false);

    /// <summary>The command-line switch that loads the bundled demo day.</summary>
    public const string DemoSwitch = "--demo";

    /// <summary>True when <c>--demo</c> is among <paramref name="args"/>; <paramref name="rest"/> is the other arguments.</summary>
    /// <remarks>A bare switch is taken out before configuration binding, which would otherwise read the next argument as its value.</remarks>
    public static bool IsDemo(string[] args, out string[] rest)
    {
        rest = args.Where(a => !string.Equals(a, DemoSwitch, StringComparison.OrdinalIgnoreCase)).ToArray();
        return rest.Length != args.Length;
    }

    /// <summary>
    /// The data folder: <c>--data DIR</c> (configuration key <c>data</c>), else the <c>DBOT_DATA</c> environment
    /// variable, else a per-user folder. The demo keeps its own sub-folder so it never mixes with real history.
    /// </summary>
    public static string DataFolder(IConfiguration configuration, bool demo)
    {
        var folder = Store.DataFolder.Resolve(configuration["data"]);
        return demo ? Path.Combine(folder, "demo") : folder;
    }
}
