namespace DeliverabilityBot.Checks.Spf;

/// <summary>The outcome of check_host() for one IP: the result, the term that decided it, and why.</summary>
/// <param name="Result">The SPF result.</param>
/// <param name="Explanation">One line: which term matched in which record, or why it is an error.</param>
/// <param name="Lookups">DNS-querying terms used (RFC 7208 limits them to 10).</param>
public sealed record SpfEvaluation(SpfResult Result, string Explanation, int Lookups);
