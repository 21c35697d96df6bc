using System.Globalization;

namespace DeliverabilityBot.LoadTest;

/// <summary>The run's bounds and mix, from <c>--name value</c> arguments.</summary>
public sealed record LoadOptions
{
    /// <summary>Concurrent clients.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Total requests (first requests plus deliberate Slack retries); the run stops at this count or the duration.</summary>
    public int Requests { get; init; } = 4000;

    /// <summary>Wall-time limit of the sending phase.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of requests that are Slack events (the rest are /api/chat turns).</summary>
    public double SlackShare { get; init; } = 0.5;

    /// <summary>Share of Slack events that Slack re-delivers (same event_id, X-Slack-Retry-Num).</summary>
    public double RetryShare { get; init; } = 0.2;

    /// <summary>How long to wait after sending for the reply queue to drain.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seed of the request mix.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Seconds to pause after the live-heap measurements before the load and after the drain (the tool's records
    /// released), printing the process id, so a heap snapshot (dotnet-gcdump) can be taken of exactly that state;
    /// 0 (the default) does not pause.
    /// </summary>
    public int HoldSeconds { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value. {Usage}");
            }

            var value = args[++i];
            options = name switch
            {
                "--clients" => options with { Clients = Int(name, value, 1, 1024) },
                "--requests" => options with { Requests = Int(name, value, 1, 10_000_000) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Int(name, value, 1, 86_400)) },
                "--slack-share" => options with { SlackShare = Share(name, value) },
                "--retry-share" => options with { RetryShare = Share(name, value) },
                "--drain" => options with { Drain = TimeSpan.FromSeconds(Int(name, value, 1, 3_600)) },
                "--seed" => options with { Seed = Int(name, value, 0, int.MaxValue) },
                "--hold" => options with { HoldSeconds = Int(name, value, 0, 3_600) },
                _ => throw new ArgumentException($"unknown option {name}. {Usage}"),
            };
        }

        return options;
    }

    /// <summary>One line of usage.</summary>
    public const string Usage =
        "usage: DeliverabilityBot.LoadTest [--clients 8] [--requests 4000] [--duration 60 (s)] [--slack-share 0.5] [--retry-share 0.2] [--drain 60 (s)] [--seed 1] [--hold 0 (s)]";

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} '{value}' is not a whole number from {min} to {max}");

    private static double Share(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1
            ? n
            : throw new ArgumentException($"{name} '{value}' is not a share from 0 to 1");
}
