using System.CommandLine;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>The chart options of <c>why</c>, <c>timeline</c> and <c>ask</c>.</summary>
internal static class ChartOptions
{
    /// <summary><c>--chart FILE.png</c>.</summary>
    public static Option<string?> Chart(string what) => new("--chart")
    {
        Description = $"Also draw {what} as a PNG image into this file (deferral and bounce rates per hour, or per day over 3 days; UTC).",
        HelpName = "FILE.png",
    };

    /// <summary><c>--ip ADDRESS</c>.</summary>
    public static Option<string?> Ip() => new("--ip")
    {
        Description = "Only attempts and messages from this sending IP.",
        HelpName = "ADDRESS",
    };

    /// <summary><c>--by-ip</c>.</summary>
    public static Option<bool> ByIp() => new("--by-ip")
    {
        Description = "One line per sending IP (the 6 with most attempts) instead of attempts and messages together.",
    };
}
