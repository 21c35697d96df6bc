using System.CommandLine;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Ingestion.Sources.Journald;
using DeliverabilityBot.Ingestion.Sources.Syslog;
using DeliverabilityBot.Store;
using Spectre.Console;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary><c>dbot ingest PATH...</c>: reads files, folders, mboxes and MTA logs into the history store.</summary>
public static class IngestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders: MTA logs (Postfix, Exim, sendmail), DSN emails, mboxes; gzip files and pipes too; '-' reads stdin.", Arity = ArgumentArity.ZeroOrMore };
        var data = HistoryOptions.Data();
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar." };
        var mtaConfig = new Option<string[]>("--mta-config")
        {
            Description = "A Postfix configuration folder (main.cf, master.cf), repeatable: our sending IP per syslog name and transport (smtp_bind_address), which Postfix does not log.",
        };
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Follow the log files named as they are written, across rotation (rename, copytruncate, gzip), until Ctrl+C; each resumes where the last run stopped.",
        };
        var syslog = new Option<string[]>("--syslog")
        {
            Description = "Listen for syslog (RFC 3164 and 5424) at ADDR until Ctrl+C, repeatable: udp://127.0.0.1:5514, tcp://127.0.0.1:5514 (octet-counted or LF-framed), a port alone for UDP and TCP on loopback; Postfix and Exim lines are told by their program name.",
        };
        var journald = new Option<string[]>("--journald")
        {
            Description = "Read the systemd journal of UNIT (journalctl -f -o json) until Ctrl+C, repeatable (postfix@-.service, exim4.service); resumes after the cursor the last run saved.",
        };
        var command = new Command("ingest", "Read bounces, DSNs and MTA logs into the history (idempotent: the same input twice is stored once).");
        command.Arguments.Add(paths);
        command.Options.Add(data);
        command.Options.Add(quiet);
        command.Options.Add(mtaConfig);
        command.Options.Add(follow);
        command.Options.Add(syslog);
        command.Options.Add(journald);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var runtime = HistoryOptions.Runtime(parse, data, o => o.MtaConfigDirectories = [.. parse.GetValue(mtaConfig) ?? []]);
            try
            {
                // A configuration that cannot be read stops the ingest before anything is stored: IPs silently missing would mislead.
                _ = runtime.Sending;
                foreach (var w in runtime.SendingWarnings) error.WriteLine($"dbot ingest: warning: {w}");
                // Only the classification rules: ingest classifies but never diagnoses, so the diagnosis rules stay unloaded
                // (15-30 ms) and their errors are reported by 'why', which uses them.
                foreach (var d in runtime.Rules.Diagnostics.Where(d => d.IsError)) error.WriteLine(d);
                CliRuntime.ReportConfig(runtime, error);
                var ingest = runtime.CreateIngest();
                ingest.Waiting = message => error.WriteLine($"dbot ingest: {message}");
                var inputs = parse.GetValue(paths) ?? [];
                var listen = parse.GetValue(syslog) ?? [];
                var units = parse.GetValue(journald) ?? [];
                if (!parse.GetValue(follow) && inputs.Length > 0 && (listen.Length > 0 || units.Length > 0))
                {
                    error.WriteLine("dbot ingest: files are ingested on their own; with --syslog or --journald, PATHs are logs to --follow");
                    return 2;
                }
                if (parse.GetValue(follow) && inputs.Length == 0 && listen.Length == 0 && units.Length == 0)
                {
                    error.WriteLine("dbot ingest: --follow takes the log files to follow");
                    return 2;
                }
                if (parse.GetValue(follow) || listen.Length > 0 || units.Length > 0)
                    return await LiveAsync(runtime, ingest, new LiveInputs(parse.GetValue(follow) ? inputs : [], listen, units), output, error, ct);
                if (inputs.Length == 0)
                {
                    error.WriteLine("dbot ingest: name a PATH, or a live source (--follow LOG, --syslog ADDR, --journald UNIT)");
                    return 2;
                }
                var summary = !parse.GetValue(quiet) && !Console.IsErrorRedirected && !Console.IsOutputRedirected
                    ? WithProgressBar(ingest, inputs)
                    : ingest.Ingest(inputs);
                IngestSummaryWriter.Write(output, summary, runtime.Store);
                foreach (var p in summary.Problems) error.WriteLine($"dbot ingest: {p}");
                foreach (var (rule, count) in summary.RegexTimeouts.OrderBy(t => t.Key, StringComparer.Ordinal))
                    error.WriteLine($"dbot ingest: {rule}: warning DBR0028: regex timed out on {count} event(s); those were classified without {rule}");
                return summary.Problems.Count > 0 ? 1 : 0;
            }
            catch (StoreException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 1;
            }
            catch (MtaConfigException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private sealed record LiveInputs(IReadOnlyList<string> Follow, IReadOnlyList<string> Syslog, IReadOnlyList<string> Units);

    // Until Ctrl+C: the writer lock is let go after 2 s without new lines, so a 'dbot ingest' of files gets its turn.
    private static async Task<int> LiveAsync(Application.DeliverabilityBotRuntime runtime, IngestService ingest, LiveInputs live,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (live.Follow.FirstOrDefault(p => p == "-" || Directory.Exists(p)) is { } notAFile)
        {
            error.WriteLine($"dbot ingest: --follow takes log files; '{notAFile}' is {(notAFile == "-" ? "stdin" : "a folder")}");
            return 2;
        }
        void Notice(string n) => error.WriteLine($"dbot ingest: {n}");
        var sources = LiveSources.Followed(runtime, live.Follow, notice: Notice).ToList();
        try
        {
            if (live.Syslog.Count > 0) sources.Add(LiveSources.Syslog(runtime, new SyslogOptions { Listen = live.Syslog }, Notice));
        }
        catch (FormatException ex)
        {
            error.WriteLine($"dbot ingest: {ex.Message}");
            return 2;
        }
        if (live.Units.Count > 0) sources.Add(LiveSources.Journald(runtime, new JournaldOptions { Units = live.Units }, Notice));
        var summary = new IngestSummary();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (live.Follow.Count > 0) error.WriteLine($"dbot ingest: following {string.Join(", ", live.Follow)} (Ctrl+C to stop)");
        try
        {
            await ingest.CreatePipeline(releaseWriterAfter: TimeSpan.FromSeconds(2)).RunAsync(new MergedSource(sources, sources[0].Origin), summary, cancellationToken: ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            error.WriteLine($"dbot ingest: syslog: {ex.Message}");
            return 1;
        }
        summary.Files = live.Follow.Count;
        summary.Elapsed = clock.Elapsed;
        IngestSummaryWriter.Write(output, summary, runtime.Store);
        foreach (var p in summary.Problems) error.WriteLine($"dbot ingest: {p}");
        return summary.Problems.Count > 0 ? 1 : 0;
    }

    private static IngestSummary WithProgressBar(IngestService ingest, IReadOnlyList<string> inputs)
    {
        IngestSummary? summary = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingesting", maxValue: 1);
                var progress = new Progress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = Math.Min(p.BytesDone, task.MaxValue);
                    task.Description = $"{p.EventsRead:N0} events, {p.Stored:N0} new";
                });
                summary = ingest.Ingest(inputs, progress);
                task.Value = task.MaxValue;
            });
        return summary!;
    }
}
