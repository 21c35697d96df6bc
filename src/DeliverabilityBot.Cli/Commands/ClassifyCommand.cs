using System.CommandLine;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Cli.Output;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot classify [--json] [--all] PATH...</c>: every bounced recipient in every email, maildir, mbox or MTA log
/// under the paths, through the rules; JSON lines in the classification contract, or a summary table.
/// </summary>
public static class ClassifyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (walked recursively): emails, maildirs, mbox files, MTA logs; gzip files and pipes too; '-' reads stdin.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per bounced recipient (the classification contract)." };
        var all = new Option<bool>("--all") { Description = "Also print delivered attempts (log lines, DSN 'delivered'), not only bounces, complaints and auto-replies." };
        var command = new Command("classify", "Classify every bounce in emails, maildirs, mbox files and MTA logs.");
        command.Arguments.Add(paths);
        command.Options.Add(json);
        command.Options.Add(all);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var timer = new PhaseTimer(error);
            // The folders are walked while the rules load (the walk is serial, the rule load not all of the time).
            var listing = Task.Run(() => EvidencePaths.Expand(parse.GetValue(paths) ?? [], [DataFolder.Resolve(null)]).ToList());
            var classifier = ClassifyRun.LoadClassifier(parse, error);
            if (classifier is null) return 2;
            timer.Mark("rules loaded");
            var files = listing.GetAwaiter().GetResult();
            timer.Mark("files listed");
            var asJson = parse.GetValue(json);
            var summary = new ClassifySummary();
            using var progress = ProgressBar.ForFiles(files.Count, error, enabled: !asJson || Console.IsOutputRedirected);
            using var lines = asJson ? JsonLinesOutput.For(output) : null;
            string? lastPath = null;
            // Neither the summary nor the JSON lines show finding messages: one classification per key serves both.
            foreach (var file in ClassifyRun.RunKeyed(files, new KeyedClassifier(classifier), parse.GetValue(all)))
            {
                if (!string.Equals(lastPath, file.Read.Path, StringComparison.Ordinal)) progress.Advance();
                lastPath = file.Read.Path;
                summary.Add(file);
                if (file.Read.Error is { } problem)
                {
                    progress.Clear();
                    error.WriteLine($"dbot classify: {problem}");
                    continue;
                }
                if (lines is not null)
                    for (var i = 0; i < file.Events.Count; i++) lines.Write(file.Events[i], file.Shared[i]);
            }
            progress.Clear();
            timer.Mark("classified");
            if (!asJson) ClassifySummaryWriter.Write(output, summary, Terminal.UseColor(output));
            if (summary.FilesRead == 0)
            {
                error.WriteLine("dbot classify: nothing could be read.");
                return 1;
            }
            return 0;
        });
        return command;
    }
}
