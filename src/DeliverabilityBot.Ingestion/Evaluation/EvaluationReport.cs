namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>The result of comparing a run with an expected file.</summary>
public sealed class EvaluationReport
{
    /// <summary>Expected bounces.</summary>
    public required int Expected { get; init; }

    /// <summary>Expected bounces the run reported at all (same file and index).</summary>
    public required int Found { get; init; }

    /// <summary>Bounces the run reported for expected files that the expected file does not list.</summary>
    public required int Extra { get; init; }

    /// <summary>Agreement per field: reason, status, replycode, hardbounce.</summary>
    public required IReadOnlyList<FieldAgreement> Fields { get; init; }

    /// <summary>Counts of (expected reason, observed reason); <c>(missing)</c> when the bounce was not found.</summary>
    public required IReadOnlyDictionary<(string Expected, string Observed), int> Confusion { get; init; }

    /// <summary>The disagreements, for people fixing them: file, index, field, expected, observed.</summary>
    public required IReadOnlyList<(string File, int Index, string Field, string Expected, string Observed)> Disagreements { get; init; }

    /// <summary>Found bounces explained by a receiver, filter or sender rule (not only the generic fallback).</summary>
    public int ExplainedBySpecificRules { get; init; }

    /// <summary>Found bounces attributed to a known receiver (recipient domain, remote host or reply text).</summary>
    public int WithKnownReceiver { get; init; }

    /// <summary>Of <see cref="WithKnownReceiver"/>, those explained by a receiver, filter or sender rule.</summary>
    public int KnownReceiverExplained { get; init; }

    /// <summary>Found bounces by the most specific kind of rule that explained them.</summary>
    public IReadOnlyDictionary<ExplainedBy, int> ByExplanation { get; init; } = new Dictionary<ExplainedBy, int>();

    /// <summary>The agreement of one field.</summary>
    public FieldAgreement this[string field] => Fields.First(f => f.Field == field);
}
