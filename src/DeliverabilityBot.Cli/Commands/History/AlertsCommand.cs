using System.CommandLine;
using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary><c>dbot alerts [RECEIVER] [--open] [--limit 50] [--json]</c>: current and past incidents, newest first.</summary>
public static class AlertsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var receiver = HistoryOptions.Receiver();
        var data = HistoryOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the incidents as a JSON array." };
        var openOnly = new Option<bool>("--open") { Description = "Only incidents still open." };
        var limit = new Option<int>("--limit") { Description = "At most this many incidents (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("alerts", "Incidents the alert detector raised (dbot watch, or the server): open ones and past ones, newest first.");
        command.Arguments.Add(receiver);
        command.Options.Add(openOnly);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var runtime = HistoryOptions.Runtime(parse, data);
                var id = ReceiverNames.Normalize(parse.GetValue(receiver), runtime.Receivers);
                var incidents = runtime.Store.Incidents.List(id, !parse.GetValue(openOnly), Math.Max(1, parse.GetValue(limit)));
                if (parse.GetValue(json)) output.WriteLine(IncidentJson.ToJson(incidents));
                else Write(output, incidents);
                return 0;
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 2;
            }
            catch (StoreException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Write(TextWriter w, IReadOnlyList<Incident> incidents)
    {
        if (incidents.Count == 0)
        {
            w.WriteLine("No incidents. `dbot watch` (or the server) raises them as evidence arrives.");
            return;
        }
        foreach (var i in incidents)
        {
            w.WriteLine($"#{i.Id} {IncidentText.Headline(i)}");
            foreach (var line in IncidentText.Details(i)) w.WriteLine("   " + line);
            if (i.State == IncidentState.Resolved) w.WriteLine("   " + IncidentText.Resolved(i));
            w.WriteLine();
        }
    }
}
