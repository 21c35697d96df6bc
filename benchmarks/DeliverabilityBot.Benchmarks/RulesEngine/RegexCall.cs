using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Benchmarks.RulesEngine;

/// <summary>
/// The one helper the translated expressions call (registered with RulesEngine as a custom type): a regex match with
/// the rule's pattern and options, each pattern built once, as a RulesEngine user would register it. Lambda expressions
/// cannot construct a cached Regex themselves, and Regex.IsMatch's static cache holds only 15 patterns.
/// </summary>
public static class RegexCall
{
    private static readonly ConcurrentDictionary<(string Pattern, int Options), Regex> Cache = new();

    /// <summary>True when <paramref name="input"/> matches; a timeout counts as no match (as in the product).</summary>
    public static bool IsMatch(string input, string pattern, int options)
    {
        var regex = Cache.GetOrAdd((pattern, options), key => new Regex(key.Pattern, (RegexOptions)key.Options, TimeSpan.FromMilliseconds(250)));
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
