namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>What the classifier said about one bounce, in the fields an evaluation compares.</summary>
/// <param name="FullPath">The file's full path.</param>
/// <param name="Index">1-based recipient position within the file.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Status">The enhanced status, or null.</param>
/// <param name="ReplyCode">The reply code, or null.</param>
/// <param name="HardBounce">The hard-bounce flag.</param>
/// <param name="Receiver">The receiver the event was attributed to (<c>unknown</c> when none).</param>
/// <param name="ExplainedBy">The most specific kind of rule that fired.</param>
public sealed record ObservedBounce(string FullPath, int Index, string Reason, string? Status, int? ReplyCode, bool HardBounce,
    string Receiver = "unknown", ExplainedBy ExplainedBy = ExplainedBy.CodeOnly)
{
    /// <summary>True when a receiver, filter or sender rule fired, not only a generic one.</summary>
    public bool SpecificRule => ExplainedBy is ExplainedBy.ReceiverRule or ExplainedBy.FilterRule or ExplainedBy.SenderRule;
}
