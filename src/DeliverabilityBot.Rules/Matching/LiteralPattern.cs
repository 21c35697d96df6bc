namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// A rule regex that is only a few literal strings (alternations, optional parts and word boundaries over exact
/// characters, e.g. <c>\bover ?quota\b|mailbox (is )?full</c>), matched by string search in the folded reply instead of a
/// regex: the same answer and the same match as the non-backtracking engine, without building its automaton (a few
/// milliseconds and up to megabytes per pattern, most of <c>classify</c>'s first-use cost). Linear in the reply like the
/// engine. Patterns outside this shape give null and run as regexes.
/// </summary>
/// <remarks>
/// The strings are kept in the order a backtracking engine tries them (alternatives left to right, a greedy <c>?</c>
/// with its part first), which is also the match .NET's non-backtracking engine reports: the leftmost start, and there
/// the first string in that order. Only characters <see cref="CaseFold.IsExact"/> accepts are literals, so comparing
/// folded text is the engine's case-insensitive, culture-invariant comparison.
/// </remarks>
public sealed class LiteralPattern
{
    // Past this many strings the pattern runs as a regex (cross products grow fast; each string is one search).
    private const int MaxStrings = 48;

    private readonly Alternative[] _alternatives;

    private LiteralPattern(Alternative[] alternatives) => _alternatives = alternatives;

    /// <summary>One string of the pattern: its folded text, and the offsets in it where a word boundary (<c>\b</c>) must hold.</summary>
    private sealed record Alternative(string Folded, int[] Boundaries)
    {
        public static readonly Alternative Empty = new("", []);

        public Alternative Then(Alternative next) =>
            new(Folded + next.Folded, [.. Boundaries, .. next.Boundaries.Select(b => b + Folded.Length)]);

        public bool SameAs(Alternative other) =>
            Folded == other.Folded && Boundaries.AsSpan().SequenceEqual(other.Boundaries);
    }

    /// <summary>Number of strings (for tests and diagnostics).</summary>
    public int Count => _alternatives.Length;

    /// <summary>The pattern as literal strings, or null when it is not one (it then runs as a regex).</summary>
    public static LiteralPattern? TryCreate(string pattern)
    {
        var reader = new Reader(pattern);
        var alternatives = reader.Alternation();
        if (alternatives is null || !reader.AtEnd || alternatives.Count == 0) return null;
        // An empty string matches everywhere (and a lone \b is a position test): rare in rules, left to the engine.
        if (alternatives.Any(a => a.Folded.Length == 0)) return null;
        return new LiteralPattern([.. alternatives]);
    }

    /// <summary>True when <paramref name="text"/> matches (<paramref name="folded"/> is <see cref="CaseFold.FoldText"/> of it).</summary>
    public bool IsMatch(string text, string folded)
    {
        foreach (var a in _alternatives)
            if (FirstAt(a, text, folded, 0) >= 0) return true;
        return false;
    }

    /// <summary>The match the regex engine reports (leftmost, then first in pattern order); false when none.</summary>
    public bool TryMatch(string text, string folded, out int index, out int length)
    {
        index = -1;
        length = 0;
        foreach (var a in _alternatives)
        {
            var at = FirstAt(a, text, folded, 0);
            if (at < 0 || (index >= 0 && at >= index)) continue; // a tie keeps the earlier string, as the engine does
            index = at;
            length = a.Folded.Length;
        }
        return index >= 0;
    }

    private static int FirstAt(Alternative a, string text, string folded, int start)
    {
        while (true)
        {
            var at = folded.IndexOf(a.Folded, start, StringComparison.Ordinal);
            if (at < 0 || BoundariesHold(a, text, at)) return at;
            start = at + 1;
        }
    }

    private static bool BoundariesHold(Alternative a, string text, int at)
    {
        foreach (var b in a.Boundaries)
            if (!WordBoundary.IsAt(text, at + b)) return false;
        return true;
    }

    /// <summary>Reads the literal subset of .NET's syntax; null for anything else.</summary>
    private sealed class Reader(string p)
    {
        private int _i;

        public bool AtEnd => _i >= p.Length;

        public List<Alternative>? Alternation()
        {
            var result = Sequence();
            while (result is not null && _i < p.Length && p[_i] == '|')
            {
                _i++;
                var next = Sequence();
                result = next is null ? null : Distinct([.. result, .. next]);
            }
            return result is { Count: <= MaxStrings } ? result : null;
        }

        private List<Alternative>? Sequence()
        {
            List<Alternative> run = [Alternative.Empty];
            while (_i < p.Length && p[_i] is not ('|' or ')'))
            {
                var piece = Quantified(Atom());
                if (piece is null || (long)run.Count * piece.Count > MaxStrings) return null;
                run = Distinct([.. run.SelectMany(l => piece.Select(l.Then))]);
            }
            return run;
        }

        private List<Alternative>? Quantified(List<Alternative>? atom)
        {
            if (atom is null || _i >= p.Length) return atom;
            switch (p[_i])
            {
                case '?':
                    _i++;
                    var lazy = _i < p.Length && p[_i] == '?';
                    if (lazy) _i++;
                    if (_i < p.Length && p[_i] is '*' or '+' or '?' or '{') return null;
                    // Greedy tries the part first, lazy skips it first: the order the engine prefers.
                    return Distinct(lazy ? [Alternative.Empty, .. atom] : [.. atom, Alternative.Empty]);
                case '*' or '+' or '{':
                    return null;
                default:
                    return atom;
            }
        }

        private List<Alternative>? Atom()
        {
            var c = p[_i++];
            switch (c)
            {
                case '(':
                    return Group();
                case '\\':
                    return Escape();
                case '.' or '[' or ']' or '^' or '$' or '*' or '+' or '?' or '{' or '}':
                    return null;
                default:
                    return Char(c);
            }
        }

        private static List<Alternative>? Char(char c) =>
            CaseFold.IsExact(c) && !char.IsSurrogate(c) ? [new Alternative(CaseFold.Fold(c).ToString(), [])] : null;

        private List<Alternative>? Group()
        {
            if (_i < p.Length && p[_i] == '?')
            {
                // Only (?:...): named groups carry values, lookarounds and inline options change what matches.
                if (_i + 1 >= p.Length || p[_i + 1] != ':') return null;
                _i += 2;
            }
            // Without a '?', the rule options (ExplicitCapture) make the group non-capturing.
            var inner = Alternation();
            if (inner is null || _i >= p.Length || p[_i] != ')') return null;
            _i++;
            return inner;
        }

        private List<Alternative>? Escape()
        {
            if (_i >= p.Length) return null;
            var c = p[_i++];
            if (c == 'b') return [new Alternative("", [0])];
            // Other letters and digits are classes, anchors, references or code escapes: left to the engine.
            if (char.IsAsciiLetterOrDigit(c) || c == '_') return null;
            return Char(c);
        }

        // Keeps the first of equal strings: a later copy can never be the match the engine reports.
        private static List<Alternative> Distinct(List<Alternative> list)
        {
            var result = new List<Alternative>(list.Count);
            foreach (var a in list)
                if (!result.Any(r => r.SameAs(a))) result.Add(a);
            return result;
        }
    }
}
