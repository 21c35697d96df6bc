namespace DeliverabilityBot.Rules.Matching.Compiled;

/// <summary>A compiled condition: a plain predicate over <see cref="EventFacts"/>, shared by the engine and the validator.</summary>
public interface ICompiledCondition
{
    /// <summary>True when the condition holds; when <paramref name="detail"/> is given, records what matched.</summary>
    bool Evaluate(EventFacts facts, MatchDetail? detail);
}
