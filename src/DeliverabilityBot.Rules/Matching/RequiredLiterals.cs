namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// Reads a rule regex for strings of which every match contains at least one (case-folded by <see cref="CaseFold"/>):
/// <c>user (?:unknown|not found)</c> gives "user unknown" and "user not found". A reply that contains none of them
/// cannot match, so the regex need not run, nor even be built (building a non-backtracking regex is the costly part of
/// loading rules). Conservative: anything this reader does not understand yields no literals, and the regex always runs.
/// </summary>
internal static class RequiredLiterals
{
    // Exact strings stop being tracked past this many (cross products grow fast); required strings of a long
    // alternation may be more (they are searched for in one pass).
    private const int MaxStrings = 48;
    private const int MaxRequired = 256;

    /// <summary>The folded literals, or null when the pattern guarantees none (or could not be read).</summary>
    public static string[]? Extract(string pattern)
    {
        try
        {
            var reader = new Reader(pattern);
            var node = reader.Alternation();
            if (!reader.AtEnd) return null;
            var required = node.Strings ?? node.Required;
            return required is { Count: > 0 } && Shortest(required) > 0 ? Minimal(required) : null;
        }
        catch (UnreadableException)
        {
            return null;
        }
    }

    /// <summary>
    /// What is known about a piece of the pattern: the exact strings it matches (finite and few, else null), and
    /// strings one of which every match contains (null when unknown).
    /// </summary>
    private sealed record Piece(List<string>? Strings, List<string>? Required)
    {
        public static readonly Piece Unknown = new(null, null);
        public static readonly Piece Empty = new([""], null);
        public List<string>? AnyMatchContains => Strings ?? Required;
    }

    private sealed class UnreadableException : Exception;

    // A string that contains another of the set adds nothing to "contains one of them": leave it out.
    private static string[] Minimal(List<string> set) =>
        set.Where(s => !set.Any(t => t.Length < s.Length && s.Contains(t, StringComparison.Ordinal))).ToArray();

    private static int Shortest(List<string> set) => set.Min(s => s.Length);

    // A longer shortest string filters better; among equals, fewer strings search faster.
    private static bool Better(List<string> candidate, List<string>? best) =>
        best is null || Shortest(candidate) > Shortest(best) || Shortest(candidate) == Shortest(best) && candidate.Count < best.Count;

    private static List<string>? Cross(List<string> left, List<string> right)
    {
        if ((long)left.Count * right.Count > MaxStrings) return null;
        var result = new List<string>(left.Count * right.Count);
        foreach (var l in left)
            foreach (var r in right)
                result.Add(l + r);
        return Distinct(result);
    }

    private static List<string> Distinct(List<string> list) => list.Distinct(StringComparer.Ordinal).ToList();

    private sealed class Reader(string p)
    {
        private int _i;

        public bool AtEnd => _i >= p.Length;

        public Piece Alternation()
        {
            var branches = new List<Piece> { Sequence() };
            while (_i < p.Length && p[_i] == '|')
            {
                _i++;
                branches.Add(Sequence());
            }
            if (branches.Count == 1) return branches[0];
            List<string>? strings = [];
            List<string>? required = [];
            foreach (var b in branches)
            {
                strings = strings is not null && b.Strings is not null ? [.. strings, .. b.Strings] : null;
                required = required is not null && b.AnyMatchContains is { } r ? [.. required, .. r] : null;
            }
            if (strings is not null) strings = Distinct(strings);
            if (strings is { Count: > MaxStrings }) strings = null;
            if (required is not null) required = Distinct(required);
            if (required is { Count: > MaxRequired }) required = null;
            return new Piece(strings, required);
        }

        private Piece Sequence()
        {
            List<string>? best = null;
            List<string> run = [""];
            var exact = true;
            void Consider(List<string>? candidate)
            {
                if (candidate is { Count: > 0 } && Shortest(candidate) > 0 && Better(candidate, best)) best = candidate;
            }
            while (_i < p.Length && p[_i] is not ('|' or ')'))
            {
                var piece = Quantified(Atom());
                if (piece.Strings is { } s && Cross(run, s) is { } joined)
                {
                    run = joined;
                    continue;
                }
                Consider(run);
                if (piece.Strings is not null)
                {
                    run = piece.Strings; // too many combinations: start a new run, and the whole is no longer exact
                    exact = false;
                    continue;
                }
                run = [""];
                exact = false;
                Consider(piece.Required);
            }
            if (exact) return new Piece(run, null);
            Consider(run);
            return new Piece(null, best);
        }

        private Piece Quantified(Piece atom)
        {
            if (_i >= p.Length) return atom;
            int min, max;
            switch (p[_i])
            {
                case '*': min = 0; max = -1; _i++; break;
                case '+': min = 1; max = -1; _i++; break;
                case '?': min = 0; max = 1; _i++; break;
                case '{' when Counted(out min, out max): break;
                default: return atom;
            }
            if (_i < p.Length && p[_i] == '?') _i++; // lazy: the same strings, in another order
            if (max is >= 0 and <= 3 && atom.Strings is { } s)
            {
                List<string>? strings = [];
                List<string> power = [""];
                for (var k = 0; k <= max; k++)
                {
                    if (k >= min) strings = Distinct([.. strings, .. power]);
                    if (k == max) break;
                    if (Cross(power, s) is not { } next)
                    {
                        strings = null;
                        break;
                    }
                    power = next;
                }
                if (strings is { Count: <= MaxStrings }) return new Piece(strings, null);
            }
            return min >= 1 ? new Piece(null, atom.AnyMatchContains) : Piece.Unknown;
        }

        private bool Counted(out int min, out int max)
        {
            min = max = 0;
            var j = _i + 1;
            var start = j;
            while (j < p.Length && char.IsAsciiDigit(p[j])) j++;
            if (j == start || !int.TryParse(p.AsSpan(start, j - start), out min)) return false;
            max = min;
            if (j < p.Length && p[j] == ',')
            {
                var upper = ++j;
                while (j < p.Length && char.IsAsciiDigit(p[j])) j++;
                max = j == upper ? -1 : int.TryParse(p.AsSpan(upper, j - upper), out var m) ? m : -1;
            }
            if (j >= p.Length || p[j] != '}') return false;
            _i = j + 1;
            return true;
        }

        private Piece Atom()
        {
            var c = p[_i++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    return Piece.Unknown;
                case '^' or '$':
                    return Piece.Empty;
                case '*' or '+' or '?':
                    throw new UnreadableException();
                case '{':
                    _i--;
                    if (Counted(out _, out _)) throw new UnreadableException();
                    _i++;
                    return Char('{');
                default:
                    return Char(c);
            }
        }

        private static Piece Char(char c) => CaseFold.IsExact(c) ? new Piece([CaseFold.Fold(c).ToString()], null) : Piece.Unknown;

        private Piece Group()
        {
            if (_i < p.Length && p[_i] == '?')
            {
                _i++;
                if (_i >= p.Length) throw new UnreadableException();
                switch (p[_i])
                {
                    case ':':
                        _i++;
                        break;
                    case '#':
                        var end = p.IndexOf(')', _i);
                        if (end < 0) throw new UnreadableException();
                        _i = end + 1;
                        return Piece.Empty;
                    case '<' or '\'' when _i + 1 < p.Length && p[_i + 1] is not ('=' or '!'):
                        var close = p[_i] == '<' ? '>' : '\'';
                        var nameEnd = p.IndexOf(close, _i + 1);
                        if (nameEnd < 0) throw new UnreadableException();
                        var name = p.AsSpan(_i + 1, nameEnd - _i - 1);
                        foreach (var ch in name)
                            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_') throw new UnreadableException(); // balancing group
                        _i = nameEnd + 1;
                        break;
                    default:
                        // Inline options, (?i) or (?i:...); 'x' changes how the pattern reads, so it stops this reader.
                        var j = _i;
                        while (j < p.Length && p[j] is 'i' or 'm' or 'n' or 's' or 'x' or '-') j++;
                        if (j == _i || j >= p.Length || p.AsSpan(_i, j - _i).Contains('x')) throw new UnreadableException();
                        _i = j + 1;
                        if (p[j] == ')') return Piece.Empty;
                        if (p[j] != ':') throw new UnreadableException();
                        break;
                }
            }
            var inner = Alternation();
            if (_i >= p.Length || p[_i] != ')') throw new UnreadableException();
            _i++;
            return inner;
        }

        private Piece Escape()
        {
            if (_i >= p.Length) throw new UnreadableException();
            var c = p[_i++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z':
                    return Piece.Empty;
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Piece.Unknown;
                case 'p' or 'P':
                    SkipBraces();
                    return Piece.Unknown;
                default:
                    return Char(EscapedChar(c));
            }
        }

        private void SkipBraces()
        {
            var end = _i < p.Length && p[_i] == '{' ? p.IndexOf('}', _i) : -1;
            if (end < 0) throw new UnreadableException();
            _i = end + 1;
        }

        // The character a single-character escape stands for; anything else (backreferences, \G, octal) stops the reader.
        private char EscapedChar(char c)
        {
            switch (c)
            {
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'e': return '\u001B';
                case 'a': return '\a';
                case 'x': return Hex(2);
                case 'u': return Hex(4);
                default:
                    if (char.IsAsciiLetterOrDigit(c) || c == '_') throw new UnreadableException();
                    return c;
            }
        }

        private char Hex(int digits)
        {
            if (_i + digits > p.Length || !int.TryParse(p.AsSpan(_i, digits), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var v))
                throw new UnreadableException();
            _i += digits;
            return (char)v;
        }

        // A small positive class ([-. ], [Ee]) is a set of characters; anything wider, negated or with shorthand
        // classes is unknown. Either way the reader moves past it.
        private Piece Class()
        {
            var chars = new List<string>();
            var known = true;
            if (_i < p.Length && p[_i] == '^')
            {
                known = false;
                _i++;
            }
            var first = true;
            while (true)
            {
                if (_i >= p.Length) throw new UnreadableException();
                var c = p[_i];
                if (c == ']' && !first)
                {
                    _i++;
                    break;
                }
                first = false;
                if (c == '[') throw new UnreadableException(); // subtraction or a POSIX-looking class
                _i++;
                char literal;
                if (c == '\\')
                {
                    if (_i >= p.Length) throw new UnreadableException();
                    var e = p[_i++];
                    if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S') { known = false; continue; }
                    if (e is 'p' or 'P') { SkipBraces(); known = false; continue; }
                    literal = e == 'b' ? '\b' : EscapedChar(e);
                }
                else literal = c;
                if (_i + 1 < p.Length && p[_i] == '-' && p[_i + 1] != ']')
                {
                    // A range: enumerate it when small, otherwise it is just wide.
                    _i++;
                    var hiRaw = p[_i++];
                    var hi = hiRaw == '\\' ? (_i < p.Length ? EscapedChar(p[_i++]) : throw new UnreadableException()) : hiRaw;
                    if (hi - literal is < 0 or > 8) { known = false; continue; }
                    for (var x = literal; x <= hi; x++) AddChar(chars, x, ref known);
                    continue;
                }
                AddChar(chars, literal, ref known);
            }
            return known && chars.Count > 0 ? new Piece(Distinct(chars), null) : Piece.Unknown;
        }

        private static void AddChar(List<string> chars, char c, ref bool known)
        {
            if (CaseFold.IsExact(c)) chars.Add(CaseFold.Fold(c).ToString());
            else known = false;
        }
    }
}
