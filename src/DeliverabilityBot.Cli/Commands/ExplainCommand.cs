using System.CommandLine;
using DeliverabilityBot.Cli.Output;
using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Cli.Commands;

/// <summary><c>dbot explain [--to ADDRESS|DOMAIN] [--json] [--file PATH] TEXT|-</c>: explains one pasted bounce.</summary>
public static class ExplainCommand
{
    /// <summary>Largest evidence read from stdin or a file (a whole DSN fits easily).</summary>
    public const int MaxInputChars = 10 * 1024 * 1024;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var text = new Argument<string?>("TEXT") { Description = "A raw SMTP reply, a Postfix/Exim log line or a whole DSN; '-' reads stdin.", Arity = ArgumentArity.ZeroOrOne };
        var to = new Option<string?>("--to") { Description = "Recipient address or domain, when the text does not name it." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per bounced recipient (the classification contract)." };
        var file = new Option<string?>("--file") { Description = "Read the evidence from a file." };
        var command = new Command("explain", "Explain a bounce: receiver, temporary or permanent, reason, what it means, what to do.");
        command.Arguments.Add(text);
        command.Options.Add(to);
        command.Options.Add(json);
        command.Options.Add(file);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var timer = new PhaseTimer(error);
            timer.Mark("command parsed");
            if (!TryReadInput(parse.GetValue(text), parse.GetValue(file), error, out var input, out var source)) return 2;
            // The evidence and the rules are independent: read the evidence on another core while the rules load.
            var hint = parse.GetValue(to);
            var evidence = Task.Run(() => ExplainEvidence.Parse(input, hint, source));
            // Examples are for authors (rules validate/test); explain only classifies, so it skips running them.
            var runtime = CliRuntime.Create(parse, o => o.CheckRuleExamples = false);
            var rules = CliRuntime.LoadRules(runtime, error);
            if (rules is null) return 2;
            timer.Mark("rules loaded");
            var classifier = runtime.Classifier;
            timer.Mark("engine compiled");
            CliRuntime.ReportTimeouts(rules, error);
            var events = evidence.GetAwaiter().GetResult();
            if (events.Count == 0)
            {
                error.WriteLine("dbot: no bounce found in the input (no SMTP reply, DSN or log line).");
                return 3;
            }
            timer.Mark("evidence parsed");
            var results = classifier.ClassifyAll(events);
            timer.Mark("classified");
            if (parse.GetValue(json))
                foreach (var r in results) output.WriteLine(ClassificationJson.ToJsonLine(r));
            else
                ExplanationWriter.Write(output, results, rules.Receivers, Terminal.UseColor(output));
            timer.Mark("written");
            return 0;
        });
        return command;
    }

    private static bool TryReadInput(string? text, string? file, TextWriter error, out string input, out string source)
    {
        input = string.Empty;
        source = "text";
        try
        {
            if (file is not null)
            {
                if (text is not null && text != "-") { error.WriteLine("dbot explain: give either TEXT or --file, not both."); return false; }
                var info = new FileInfo(file);
                if (!info.Exists) { error.WriteLine($"dbot explain: file '{file}' does not exist."); return false; }
                if (info.Length > MaxInputChars) { error.WriteLine($"dbot explain: '{file}' is {info.Length:N0} bytes, over the {MaxInputChars:N0}-byte limit for explain; use 'dbot ingest' for large inputs."); return false; }
                input = File.ReadAllText(file);
                source = file;
                return true;
            }
            if (text == "-")
            {
                var buffer = new char[MaxInputChars + 1];
                var n = Console.In.ReadBlock(buffer, 0, buffer.Length);
                if (n > MaxInputChars) { error.WriteLine($"dbot explain: stdin is over the {MaxInputChars:N0}-character limit for explain."); return false; }
                input = new string(buffer, 0, n);
                source = "-";
                return true;
            }
            if (string.IsNullOrWhiteSpace(text)) { error.WriteLine("dbot explain: give the bounce text, '-' for stdin, or --file PATH."); return false; }
            input = text;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"dbot explain: cannot read the input: {ex.Message}");
            return false;
        }
    }
}
