using System.Buffers;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// A rule's regex as loaded: checked when the rule loads, built on the non-backtracking engine only when a reply first
/// needs it, and screened by the strings every match must contain (<see cref="RequiredLiterals"/>), so a reply without
/// them never runs the regex. Building ~200 non-backtracking regexes at every start cost more than a second and
/// hundreds of megabytes; most replies need a handful of them. Thread-safe.
/// </summary>
public sealed class RulePattern
{
    private readonly string[]? _required;
    private Regex? _regex;
    private string? _buildError;

    private RulePattern(string text, IReadOnlyList<string> groupNames)
    {
        Text = text;
        GroupNames = groupNames;
        _required = Matching.RequiredLiterals.Extract(text);
        Literal = LiteralPattern.TryCreate(text);
    }

    /// <summary>The pattern (shared patterns expanded).</summary>
    public string Text { get; }

    /// <summary>Its named groups (message placeholders can use them).</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>
    /// The pattern as literal strings when it is only that (<see cref="LiteralPattern"/>): matched by string search, never
    /// built as a regex; null otherwise.
    /// </summary>
    public LiteralPattern? Literal { get; }

    /// <summary>Case-folded strings one of which every match contains; null when the pattern guarantees none.</summary>
    public IReadOnlyList<string>? RequiredLiterals => _required;

    private static long _builtInProcess;

    /// <summary>Rule regexes built so far in this process (what a start or a run paid for; <c>DBOT_TIMING=1</c> shows it).</summary>
    public static long BuiltInProcess => Interlocked.Read(ref _builtInProcess);

    /// <summary>Whether the non-backtracking regex has been built.</summary>
    public bool IsBuilt => Volatile.Read(ref _regex) is not null;

    /// <summary>
    /// Checks <paramref name="text"/> cheaply (<see cref="RuleRegex.TryValidate"/>) and returns the pattern, built later;
    /// null with the reason when it is invalid or needs backtracking.
    /// </summary>
    public static RulePattern? TryCreate(string text, out string? error, out bool needsBacktracking)
    {
        var parsed = RuleRegex.TryValidate(text, out error, out needsBacktracking);
        return parsed is null ? null : new RulePattern(text, NamedGroups(parsed));
    }

    /// <summary>
    /// A pattern around an already built <paramref name="regex"/>, whatever its options, for code that builds conditions
    /// itself (tests of the timeout path); rule files never load this way.
    /// </summary>
    public static RulePattern Of(Regex regex) =>
        new(regex, NamedGroups(regex));

    // Around a regex built elsewhere, whatever its options: always matched by that regex, never as literals.
    private RulePattern(Regex regex, IReadOnlyList<string> groupNames)
    {
        Text = regex.ToString();
        GroupNames = groupNames;
        _required = Matching.RequiredLiterals.Extract(Text);
        _regex = regex;
    }

    /// <summary>
    /// The non-backtracking regex, built on first use. Throws <see cref="NotSupportedException"/> when the engine refuses
    /// the pattern in a way the load-time check did not foresee (a rule set loaded with example checks has built every
    /// regex already, so this never happens for one).
    /// </summary>
    public Regex Regex => Volatile.Read(ref _regex) ?? Build();

    /// <summary>Builds the regex now (the exact check of what the engine accepts); false with the reason when it cannot.</summary>
    public bool TryBuild(out string? error, out bool needsBacktracking)
    {
        needsBacktracking = false;
        if (IsBuilt)
        {
            error = null;
            return true;
        }
        var regex = RuleRegex.TryCreate(Text, out error, out needsBacktracking);
        if (regex is null)
        {
            _buildError = error;
            return false;
        }
        if (Interlocked.CompareExchange(ref _regex, regex, null) is null) Interlocked.Increment(ref _builtInProcess);
        return true;
    }

    /// <summary>False when <paramref name="foldedText"/> (<see cref="CaseFold.FoldText"/>) lacks every required string, so no match is possible.</summary>
    public bool MayMatch(string foldedText)
    {
        if (_required is null) return true;
        if (_required.Length > FewStrings) return foldedText.AsSpan().ContainsAny(_search ??= SearchValues.Create(_required, StringComparison.Ordinal));
        foreach (var s in _required)
            if (foldedText.Contains(s, StringComparison.Ordinal)) return true;
        return false;
    }

    // Up to this many required strings are searched one by one (vectorised); more in one multi-string pass.
    private const int FewStrings = 4;
    private SearchValues<string>? _search;

    private Regex Build() =>
        TryBuild(out var error, out _) ? _regex! : throw new NotSupportedException($"the rule regex cannot run on the non-backtracking engine: {error ?? _buildError}");

    private static string[] NamedGroups(Regex regex) => regex.GetGroupNames().Where(g => !int.TryParse(g, out _)).ToArray();

    /// <inheritdoc/>
    public override string ToString() => Text;
}
