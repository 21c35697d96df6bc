using System.Text.RegularExpressions;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>Creates rule regexes the one safe way: case-insensitive, culture-invariant, with a match timeout.</summary>
public static class RuleRegex
{
    /// <summary>
    /// How long one match may run before it counts as no match (and a DBR0028 diagnostic). Replies are cut at 64 KB,
    /// where a sound pattern needs well under a millisecond; 250 ms leaves room for a descheduled thread on a busy
    /// machine (100 ms timed out a sound pattern under load) while still cutting catastrophic backtracking short.
    /// </summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(250);

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
