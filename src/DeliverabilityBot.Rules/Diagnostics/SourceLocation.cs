namespace DeliverabilityBot.Rules.Diagnostics;

/// <summary>A position in a rule file: the path as shown to people, 1-based line and column (0 when unknown).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The whole file, without a position.</summary>
    public static SourceLocation InFile(string file) => new(file, 0, 0);

    /// <summary><c>path(line,col)</c>, or just the path when there is no position.</summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
