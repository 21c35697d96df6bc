using DeliverabilityBot.Core.Classification;
using System.CommandLine;
using System.Globalization;
using DeliverabilityBot.Cli.Output;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Evaluation;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot eval --expected FILE.jsonl PATH...</c>: classifies the paths and compares the result with a labelled corpus
/// (Sisimai's <c>expected.jsonl</c> format): agreement per field and a confusion table of reasons.
/// </summary>
public static class EvalCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders of the labelled corpus (gzip files and pipes too; '-' reads stdin).", Arity = ArgumentArity.OneOrMore };
        var expected = new Option<string>("--expected") { Description = "Expected labels, one JSON object a line: file, index, reason, status, replycode, hardbounce.", Required = true };
        var details = new Option<bool>("--disagreements") { Description = "Also list every disagreement (file, index, field, expected, observed)." };
        var floors = new Option<string[]>("--floor") { Description = "Fail (exit 1) when a field's agreement is below a floor, e.g. --floor reason=0.95 (repeatable).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("eval", "Compare classify's results with a labelled corpus: agreement per field and a confusion table of reasons.");
        command.Arguments.Add(paths);
        command.Options.Add(expected);
        command.Options.Add(details);
        command.Options.Add(floors);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var expectedPath = parse.GetValue(expected)!;
            if (!TryParseFloors(parse.GetValue(floors) ?? [], error, out var floorByField)) return 2;
            IReadOnlyList<ExpectedBounce> labels;
            try
            {
                labels = ExpectedBounce.Load(expectedPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                error.WriteLine($"dbot eval: {ex.Message}");
                return 2;
            }
            var classifier = ClassifyRun.LoadClassifier(parse, error);
            if (classifier is null) return 2;

            var observed = new List<ObservedBounce>();
            foreach (var file in ClassifyRun.Run(EvidencePaths.Expand(parse.GetValue(paths) ?? [], [DataFolder.Resolve(null)]), classifier, includeDelivered: true))
            {
                if (file.Read.Error is { } problem) error.WriteLine($"dbot eval: {problem}");
                foreach (var r in file.Results.Where(r => r.Event.MessageIndex is null))
                {
                    var e = r.Event;
                    observed.Add(new ObservedBounce(Path.GetFullPath(e.Source), e.Index, r.Reason,
                        (e.Reply.Status ?? e.DsnStatus)?.ToString(), e.Reply.Code, r.HardBounce,
                        r.Receiver, ExplanationKind.Of(r.Findings)));
                }
            }
            var root = Path.GetDirectoryName(Path.GetFullPath(expectedPath))!;
            var report = CorpusEvaluator.Evaluate(labels, root, observed);
            EvaluationWriter.Write(output, report, parse.GetValue(details));
            var failed = floorByField.Where(f => report.Fields.Any(x => x.Field == f.Key && x.Rate < f.Value)).ToList();
            foreach (var f in failed)
                error.WriteLine($"dbot eval: {f.Key} agreement {report[f.Key].Rate:P1} is below the floor {f.Value:P1}");
            return failed.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static bool TryParseFloors(string[] specs, TextWriter error, out Dictionary<string, double> floors)
    {
        floors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var parts = spec.Split('=', 2);
            if (parts.Length != 2 || parts[0] is not ("reason" or "status" or "replycode" or "hardbounce")
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
            {
                error.WriteLine($"dbot eval: --floor '{spec}' is not FIELD=RATE with FIELD reason|status|replycode|hardbounce and RATE between 0 and 1.");
                return false;
            }
            floors[parts[0]] = rate;
        }
        return true;
    }
}
