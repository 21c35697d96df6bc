using System.CommandLine;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>Options of the history commands (<c>ingest</c>, <c>stats</c>, <c>why</c>) and how they become a runtime.</summary>
internal static class HistoryOptions
{
    /// <summary><c>--data DIR</c>.</summary>
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data folder holding the history database (default: $DBOT_DATA, else a per-user folder); created on first use.",
    };

    /// <summary><c>--since 24h</c>.</summary>
    public static Option<string?> Since() => new("--since")
    {
        Description = "Window length: 90m, 24h, 7d, 2w (default 24h). It ends at the newest stored event when the data is older than now.",
    };

    /// <summary>An optional <c>RECEIVER</c> argument.</summary>
    public static Argument<string?> Receiver() => new("RECEIVER")
    {
        Description = "icloud (also me.com, mac.com, apple), gmail, yahoo, microsoft, ...; omit for all receivers.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The runtime for a parse result.</summary>
    public static DeliverabilityBotRuntime Runtime(ParseResult parse, Option<string?> data, Action<DeliverabilityBotOptions>? configure = null) =>
        CliRuntime.Create(parse, o =>
        {
            o.DataDirectory = parse.GetValue(data);
            configure?.Invoke(o);
        });

    /// <summary>Parses receiver and window; writes the problem and returns false on bad input.</summary>
    public static bool TryWindow(ParseResult parse, Argument<string?> receiverArg, Option<string?> since, DeliverabilityBotRuntime runtime,
        TextWriter error, out string? receiver, out TimeWindow window)
    {
        receiver = null;
        window = null!;
        try
        {
            receiver = ReceiverNames.Normalize(parse.GetValue(receiverArg), runtime.Receivers);
            var length = WindowSpec.ParseLength(parse.GetValue(since));
            window = WindowSpec.Anchored(length, runtime.Store.Reader.LatestEvent(), DateTimeOffset.UtcNow);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            error.WriteLine($"dbot: {ex.Message}");
            return false;
        }
    }

    /// <summary><c>2026-03-22 10:00Z</c>.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The window as people read it.</summary>
    public static string Describe(TimeWindow w) => $"{Time(w.From)} to {Time(w.To)} ({Length(w.Length)})";

    private static string Length(TimeSpan t) => t.TotalHours < 1 ? $"{t.TotalMinutes:0}m" : t.TotalDays >= 2 && t.TotalHours % 24 == 0 ? $"{t.TotalDays:0}d" : $"{t.TotalHours:0.#}h";
}
