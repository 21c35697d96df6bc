using System.CommandLine;
using DeliverabilityBot.Application.Diagnosis;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary><c>dbot why [RECEIVER] [--since 24h] [--json] [--explain]</c>: ranked diagnoses with numbers, evidence and actions.</summary>
public static class WhyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (receiver, window, totals, diagnoses)." };
        var explain = new Option<bool>("--explain") { Description = "Also print which diagnosis rules fired on which facts, and why others did not." };
        var chart = ChartOptions.Chart("the deferral and bounce rates over the window");
        return WindowCommand.Create(
            "why", "Why is RECEIVER deferring or rejecting our mail? Ranked diagnoses over a window of the history.", [json, explain, chart], c =>
            {
                var file = c.Parse.GetValue(chart);
                if (Output.ChartFile.Problem(file) is { } problem)
                {
                    c.Error.WriteLine($"dbot why: {problem}");
                    return 2;
                }


                foreach (var d in c.Runtime.DiagnosisRules.Diagnostics.Where(d => d.IsError)) c.Error.WriteLine(d);
                CliRuntime.ReportConfig(c.Runtime, c.Error);
                var (report, trace) = c.Runtime.Why.Why(c.Receiver, c.Window);
                if (c.Parse.GetValue(json)) c.Output.WriteLine(WhyReportJson.ToJson(report, c.Parse.GetValue(explain) ? trace : null));
                else
                {
                    WhyWriter.Write(c.Output, report, c.Runtime.Receivers, c.Runtime.Store.Location, Output.Terminal.UseColor(c.Output));
                    if (c.Parse.GetValue(explain)) WhyWriter.WriteTrace(c.Output, trace);
                }

                return file is null ? 0 : WriteChart(c, file, c.Parse.GetValue(json));
            });
    }

    // The chart goes to the file; with --json the note goes to stderr so stdout stays one JSON document.
    private static int WriteChart(WindowCommand.Context c, string file, bool jsonOutput)
    {
        var timeline = c.Runtime.Timeline.Timeline(new Core.Charts.TimelineRequest(c.Receiver, c.Window));
        var name = c.Receiver is null ? "all receivers" : Output.ReceiverNames.Of(c.Runtime.Receivers, c.Receiver);
        if (timeline.IsEmpty)
        {
            c.Error.WriteLine($"dbot why: no attempts or messages for {name} in {HistoryOptions.Describe(c.Window)}; no chart written.");
            return 1;
        }

        return Output.ChartFile.Write(Conversation.Composing.RateChart.Build(timeline, name), file, jsonOutput ? c.Error : c.Output, c.Error);
    }
}
