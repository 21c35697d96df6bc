using System.CommandLine;
using DeliverabilityBot.Core.Suppression;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>
/// <c>dbot suppress [RECEIVER] [--since 24h] [--format csv|json] [--output FILE]</c>: the recipients safe to suppress
/// (mailbox-level hard bounces only, see <see cref="SuppressionPolicy"/>) as a file; what was held back goes to stderr.
/// </summary>
public static class SuppressCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. SuppressionExport.Formats]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the list to FILE instead of stdout." };
        return WindowCommand.Create(
            "suppress", "Recipients safe to suppress over a window: hard bounces about the mailbox itself (5.1.x, 5.2.1, mailbox wording at RCPT), never deferrals, expiries, policy, reputation, authentication or receiver outages.",
            [format, output], c =>
            {
                var report = c.Runtime.Suppression.Report(c.Receiver, c.Window);
                var text = SuppressionExport.Write(report.Safe, c.Parse.GetValue(format) ?? "csv");
                if (c.Parse.GetValue(output) is { } file) File.WriteAllText(file.FullName, text);
                else c.Output.Write(text);
                c.Error.WriteLine($"dbot: {report.Safe.Count} recipients safe to suppress, {HistoryOptions.Describe(c.Window)}.");
                foreach (var h in report.Held) c.Error.WriteLine($"dbot: held back {h.Recipients}: {h.Why}");
                if (report.DeferredOnly > 0) c.Error.WriteLine($"dbot: held back {report.DeferredOnly}: only deferred (4xx is temporary)");
                return 0;
            });
    }
}
