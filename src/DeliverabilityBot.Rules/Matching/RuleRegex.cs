using System.Text.RegularExpressions;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>Creates rule regexes the one safe way: case-insensitive, culture-invariant, with a match timeout.</summary>
public static class RuleRegex
{
    /// <summary>How long one match may run before it counts as no match (and a DBR0028 diagnostic).</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The options every rule regex runs with.</summary>
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Compiles <paramref name="pattern"/>, or returns the parser's error message.</summary>
    public static Regex? TryCreate(string pattern, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, Options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
