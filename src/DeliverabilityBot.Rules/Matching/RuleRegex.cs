using System.Text.RegularExpressions;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// Creates rule regexes the one safe way: .NET's non-backtracking engine (matching time linear in the input, so a reply
/// chosen by a hostile receiver cannot make a rule hang), case-insensitive, culture-invariant, capturing only named
/// groups, with a match timeout as a last guard.
/// </summary>
public static class RuleRegex
{
    /// <summary>
    /// How long one match may run; a match that runs past it twice counts as no match (and a DBR0028 diagnostic). Rules see at most
    /// <see cref="EventFacts.MaxTextLength"/> characters, which the non-backtracking engine scans in well under a
    /// millisecond; 250 ms leaves room for a descheduled thread on a busy machine.
    /// </summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The options every rule regex runs with.</summary>
    public const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.ExplicitCapture;

    /// <summary>Compiles <paramref name="pattern"/>, or returns the parser's error message.</summary>
    public static Regex? TryCreate(string pattern, out string? error) => TryCreate(pattern, out error, out _);

    /// <summary>
    /// Compiles <paramref name="pattern"/>; on failure <paramref name="error"/> says why, and
    /// <paramref name="needsBacktracking"/> is true when the pattern is valid .NET but uses a construct only a
    /// backtracking engine runs (the message then names it and suggests a rewrite).
    /// </summary>
    public static Regex? TryCreate(string pattern, out string? error, out bool needsBacktracking)
    {
        error = null;
        needsBacktracking = false;
        try
        {
            return new Regex(pattern, Options, MatchTimeout);
        }
        catch (NotSupportedException ex)
        {
            needsBacktracking = true;
            error = BacktrackingConstructs.Describe(pattern) ?? ex.Message;
            return null;
        }
        catch (ArgumentException ex)
        {
            // With only named groups capturing, "(\w)\1" is a reference to no group; say what it is instead.
            needsBacktracking = IsValidForBacktracking(pattern) && BacktrackingConstructs.Describe(pattern) is not null;
            error = needsBacktracking ? BacktrackingConstructs.Describe(pattern) : ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Checks <paramref name="pattern"/> without building the non-backtracking automaton (the costly part, a few
    /// milliseconds and up to a few megabytes each): the syntax through .NET's parser, and the constructs only a
    /// backtracking engine runs through <see cref="BacktrackingConstructs"/>. Returns the parsed (never matched)
    /// regex, for its group names, or null with <paramref name="error"/> as <see cref="TryCreate(string, out string?, out bool)"/>
    /// would say. <see cref="RulePattern.TryBuild"/> is the exact check.
    /// </summary>
    public static Regex? TryValidate(string pattern, out string? error, out bool needsBacktracking)
    {
        error = null;
        needsBacktracking = false;
        Regex parsed;
        try
        {
            parsed = new Regex(pattern, Options & ~RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            needsBacktracking = IsValidForBacktracking(pattern) && BacktrackingConstructs.Describe(pattern) is not null;
            error = needsBacktracking ? BacktrackingConstructs.Describe(pattern) : ex.Message;
            return null;
        }
        if (BacktrackingConstructs.Describe(pattern) is { } construct)
        {
            needsBacktracking = true;
            error = construct;
            return null;
        }
        return parsed;
    }

    private static bool IsValidForBacktracking(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
