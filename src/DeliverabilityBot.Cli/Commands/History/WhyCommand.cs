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
        return WindowCommand.Create(
            "why", "Why is RECEIVER deferring or rejecting our mail? Ranked diagnoses over a window of the history.", [json, explain], c =>
            {
                foreach (var d in c.Runtime.DiagnosisRules.Diagnostics.Where(d => d.IsError)) c.Error.WriteLine(d);
                CliRuntime.ReportConfig(c.Runtime, c.Error);
                var (report, trace) = c.Runtime.Why.Why(c.Receiver, c.Window);
                if (c.Parse.GetValue(json)) c.Output.WriteLine(WhyReportJson.ToJson(report, c.Parse.GetValue(explain) ? trace : null));
                else
                {
                    WhyWriter.Write(c.Output, report, c.Runtime.Receivers, c.Runtime.Store.Location, Output.Terminal.UseColor(c.Output));
                    if (c.Parse.GetValue(explain)) WhyWriter.WriteTrace(c.Output, trace);
                }
                return 0;
            });
    }
}
