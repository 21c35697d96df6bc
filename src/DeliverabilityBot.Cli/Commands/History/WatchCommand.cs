using System.CommandLine;
using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>
/// <c>dbot watch [--interval 30s] [--window 30m] [--min-messages 50] [--once] [--json]</c>: runs the alert detector over
/// the store until Ctrl+C, re-evaluating as new data lands (another terminal's <c>dbot ingest</c>), and prints each
/// incident opened, updated or resolved.
/// </summary>
public static class WatchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = HistoryOptions.Data();
        var json = new Option<bool>("--json") { Description = "One JSON line per change: {change, incident}." };
        var once = new Option<bool>("--once") { Description = "Evaluate once and exit." };
        var interval = new Option<string?>("--interval") { Description = "Time between evaluations (default 30s): 10s, 1m, ..." };
        var window = new Option<string?>("--window") { Description = "The sliding window the rules run over (default 30m)." };
        var minMessages = new Option<int?>("--min-messages") { Description = "Messages a scope needs in the window before it can open an incident (default 50)." };
        var command = new Command("watch", "Run the alert detector in this terminal: sliding windows per receiver, IP, sender domain and stream against each one's baseline; incidents are stored (see dbot alerts).");
        foreach (var o in new Option[] { interval, window, minMessages, once, json, data }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new AlertOptions();
            try
            {
                if (parse.GetValue(interval) is { } i) options.Interval = Duration(i, "--interval");
                if (parse.GetValue(window) is { } w) options.Window = WindowSpec.ParseLength(w);
                if (parse.GetValue(minMessages) is { } m) options.MinMessages = Math.Max(1, m);
            }
            catch (FormatException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 2;
            }
            try
            {
                var detector = HistoryOptions.Runtime(parse, data).CreateAlertDetector(options);
                var asJson = parse.GetValue(json);
                if (!asJson) error.WriteLine($"Watching (window {IncidentText.Length(options.Window)}, every {options.Interval.TotalSeconds:0}s); Ctrl+C stops.");
                while (!cancellationToken.IsCancellationRequested)
                {
                    var pass = detector.Evaluate();
                    foreach (var change in pass.Changes)
                    {
                        if (asJson) output.WriteLine(IncidentJson.ToLine(change));
                        else output.WriteLine($"{change.Kind.ToString().ToLowerInvariant(),-8} #{change.Incident.Id} {IncidentText.Headline(change.Incident)}");
                    }
                    if (parse.GetValue(once)) break;
                    try
                    {
                        await Task.Delay(options.Interval, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
                return 0;
            }
            catch (StoreException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static TimeSpan Duration(string text, string option)
    {
        var t = text.Trim();
        if (t.EndsWith('s') && double.TryParse(t[..^1], System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            return TimeSpan.FromSeconds(seconds);
        try
        {
            return WindowSpec.ParseLength(t);
        }
        catch (FormatException)
        {
            throw new FormatException($"{option} '{text}' is not a duration; use e.g. 10s, 1m or 1h.");
        }
    }
}
