using System.Text.RegularExpressions;

namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>
/// Compares observed bounces with a labelled corpus, field by field. Sisimai labels a bounce that carried no status
/// code with a pseudo code <c>x.0.9xx</c>; such a label agrees when the run also found no specific code (none, or
/// the class-only <c>x.0.0</c>) of the same class. Expected paths are relative to the expected file's folder.
/// </summary>
public static partial class CorpusEvaluator
{
    /// <summary>The reason shown for an expected bounce the run did not report.</summary>
    public const string Missing = "(missing)";

    /// <summary>Compares <paramref name="observed"/> with <paramref name="expected"/> whose paths are below <paramref name="expectedRoot"/>.</summary>
    public static EvaluationReport Evaluate(IReadOnlyList<ExpectedBounce> expected, string expectedRoot, IEnumerable<ObservedBounce> observed)
    {
        var byKey = new Dictionary<(string, int), ObservedBounce>();
        foreach (var o in observed) byKey.TryAdd((Normalize(o.FullPath), o.Index), o);
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        int reason = 0, status = 0, code = 0, hard = 0, found = 0, specific = 0, known = 0, knownSpecific = 0;
        var confusion = new Dictionary<(string, string), int>();
        var byExplanation = Enum.GetValues<ExplainedBy>().ToDictionary(k => k, _ => 0);
        var disagreements = new List<(string, int, string, string, string)>();
        foreach (var e in expected)
        {
            var path = Normalize(Path.Combine(expectedRoot, e.File));
            expectedFiles.Add(path);
            byKey.TryGetValue((path, e.Index), out var o);
            var observedReason = o?.Reason ?? Missing;
            confusion[(e.Reason, observedReason)] = confusion.GetValueOrDefault((e.Reason, observedReason)) + 1;
            if (o is null)
            {
                disagreements.Add((e.File, e.Index, "found", "bounce", "nothing"));
                continue;
            }
            found++;
            if (o.SpecificRule) specific++;
            byExplanation[o.ExplainedBy]++;
            if (o.Receiver != "unknown")
            {
                known++;
                if (o.SpecificRule) knownSpecific++;
            }
            if (Tally(ref reason, e.Reason == o.Reason)) disagreements.Add((e.File, e.Index, "reason", e.Reason, o.Reason));
            if (Tally(ref status, StatusAgrees(e.Status, o.Status))) disagreements.Add((e.File, e.Index, "status", e.Status, o.Status ?? ""));
            var observedCode = o.ReplyCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (Tally(ref code, e.ReplyCode == observedCode)) disagreements.Add((e.File, e.Index, "replycode", e.ReplyCode, observedCode));
            if (Tally(ref hard, e.HardBounce == o.HardBounce)) disagreements.Add((e.File, e.Index, "hardbounce", e.HardBounce.ToString(), o.HardBounce.ToString()));
        }
        var expectedKeys = expected.Select(e => (Normalize(Path.Combine(expectedRoot, e.File)), e.Index)).ToHashSet();
        var extra = byKey.Keys.Count(k => expectedFiles.Contains(k.Item1) && !expectedKeys.Contains(k));
        var n = expected.Count;
        return new EvaluationReport
        {
            Expected = n,
            Found = found,
            Extra = extra,
            Fields = [new("reason", reason, n), new("status", status, n), new("replycode", code, n), new("hardbounce", hard, n)],
            Confusion = confusion,
            Disagreements = disagreements,
            ExplainedBySpecificRules = specific,
            WithKnownReceiver = known,
            KnownReceiverExplained = knownSpecific,
            ByExplanation = byExplanation,
        };
    }

    /// <summary>True when an observed status agrees with an expected label (see the class remarks for pseudo codes).</summary>
    public static bool StatusAgrees(string expected, string? observed)
    {
        if (expected == (observed ?? string.Empty)) return true;
        if (!PseudoCode().IsMatch(expected)) return false;
        return observed is null || (observed.EndsWith(".0.0", StringComparison.Ordinal) && observed[0] == expected[0]);
    }

    // Returns true on DISagreement so the caller records it; counts agreement.
    private static bool Tally(ref int counter, bool agrees)
    {
        if (agrees) counter++;
        return !agrees;
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    [GeneratedRegex(@"^[45]\.0\.9\d\d$")]
    private static partial Regex PseudoCode();
}
