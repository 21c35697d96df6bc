using System.Text.RegularExpressions;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>The form of a receiver id (<c>icloud</c>, <c>tonline</c>): which ids exist is the loaded registry's business.</summary>
internal static partial class ReceiverIds
{
    /// <summary>Ids every rule set knows without a receiver block: the sender's own MTA and the unattributed receiver.</summary>
    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(StringComparer.Ordinal) { "sender", Core.Vocabulary.Receivers.Unknown };

    /// <summary>True for lower-case letters and digits starting with a letter, at most 32 characters.</summary>
    public static bool IsWellFormed(string? id) => id is not null && Form().IsMatch(id);

    /// <summary>Reads an optional receiver id at <paramref name="key"/>, reporting a malformed one.</summary>
    public static string? Read(YamlMap map, string key)
    {
        var v = map.String(key, false)?.Trim();
        if (v is null || IsWellFormed(v)) return v;
        map.Bag.Report(Diagnostics.DiagnosticCatalog.InvalidReceiverId, map.At(map.Get(key)!),
            $"'{v}' in {map.Context} is not a receiver id (lower-case letters and digits, e.g. icloud)");
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9]{1,31}$")]
    private static partial Regex Form();
}
