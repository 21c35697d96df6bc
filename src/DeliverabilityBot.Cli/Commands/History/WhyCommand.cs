using System.CommandLine;
using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary><c>dbot why [RECEIVER] [--since 24h] [--json] [--explain]</c>: ranked diagnoses with numbers, evidence and actions.</summary>
public static class WhyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var receiver = HistoryOptions.Receiver();
        var since = HistoryOptions.Since();
        var data = HistoryOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (receiver, window, totals, diagnoses)." };
        var explain = new Option<bool>("--explain") { Description = "Also print which diagnosis rules fired on which facts, and why others did not." };
        var command = new Command("why", "Why is RECEIVER deferring or rejecting our mail? Ranked diagnoses over a window of the history.");
        command.Arguments.Add(receiver);
        command.Options.Add(since);
        command.Options.Add(data);
        command.Options.Add(json);
        command.Options.Add(explain);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var runtime = HistoryOptions.Runtime(parse, data);
                if (!HistoryOptions.TryWindow(parse, receiver, since, runtime, error, out var id, out var window)) return 2;
                foreach (var d in runtime.DiagnosisRules.Diagnostics.Where(d => d.IsError)) error.WriteLine(d);
                var (report, trace) = runtime.Why.Why(id, window);
                if (parse.GetValue(json)) output.WriteLine(WhyReportJson.ToJson(report, parse.GetValue(explain) ? trace : null));
                else
                {
                    WhyWriter.Write(output, report, runtime.Store.DatabasePath, Output.Terminal.UseColor(output));
                    if (parse.GetValue(explain)) WhyWriter.WriteTrace(output, trace);
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
}
