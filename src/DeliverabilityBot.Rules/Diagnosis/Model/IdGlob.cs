namespace DeliverabilityBot.Rules.Diagnosis.Model;

/// <summary>Rule id globs as diagnosis rules write them: an exact id (<c>ICL1001</c>) or a prefix ending in <c>*</c> (<c>PPT*</c>).</summary>
public static class IdGlob
{
    /// <summary>True when <paramref name="id"/> fits <paramref name="glob"/>, ignoring case.</summary>
    public static bool Matches(string glob, string id) =>
        glob.EndsWith('*') ? id.StartsWith(glob[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(glob, id, StringComparison.OrdinalIgnoreCase);
}
