using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Rules.Matching.Compiled;

/// <summary>What a matching rule matched, collected only for rules that fired: spans and named regex groups.</summary>
public sealed class MatchDetail
{
    /// <summary>Spans, condition by condition, in evaluation order.</summary>
    public List<MatchedSpan> Spans { get; } = [];

    /// <summary>Named regex groups (for message placeholders).</summary>
    public Dictionary<string, string> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal int Mark() => Spans.Count;

    internal void Rewind(int mark)
    {
        if (Spans.Count > mark) Spans.RemoveRange(mark, Spans.Count - mark);
    }
}
