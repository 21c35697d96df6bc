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

    /// <summary>
    /// The history database: <c>ConnectionStrings:History</c> (environment <c>ConnectionStrings__History</c>), else
    /// <c>--store</c>, else <c>DBOT_STORE</c>; null for the embedded SQLite file in the data folder. A PostgreSQL database
    /// also holds the conversation state and the channel delivery keys, so several instances can share it.
    /// </summary>
    public static string? StoreConnection(IConfiguration configuration) =>
        Store.StoreConnection.Resolve(configuration.GetConnectionString("History") ?? configuration["store"]);

    /// <summary>
    /// The content root: the one given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>), else the
    /// folder of the server's own files, so <c>appsettings.json</c> and <c>wwwroot</c> are found wherever it is started from.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return given ? null : AppContext.BaseDirectory;
    }

    /// <summary>True when Kestrel could not bind because another process holds the address.</summary>
    public static bool IsAddressInUse(IOException exception) =>
        exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
        || (exception.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse });

    /// <summary>
    /// True when this server is the process (not hosted by a test's WebApplicationFactory): then a refused
    /// configuration is one line on stderr and an exit code; a host sees the exception itself.
    /// </summary>
    public static bool IsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(ServerSettings).Assembly;
}
