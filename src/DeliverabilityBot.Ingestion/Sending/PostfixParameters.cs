using System.Text;

namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// The parameters of one Postfix <c>main.cf</c> (<c>name = value</c>) and their expansion as Postfix does it:
/// <c>$name</c>, <c>${name}</c>, <c>$(name)</c>, <c>${name?value}</c>, <c>${name:value}</c>,
/// <c>${name?{value}:{value}}</c> and <c>$$</c>; an undefined parameter expands to nothing, as in Postfix, except the
/// few built-in defaults the sending IP depends on.
/// </summary>
public sealed class PostfixParameters
{
    private const int MaxDepth = 20;

    // Postfix's own defaults for the parameters read here (postconf -d).
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["syslog_name"] = "${multi_instance_name?{$multi_instance_name}:{postfix}}",
        ["default_transport"] = "smtp",
        ["relay_transport"] = "relay",
    };

    private readonly Dictionary<string, (string Value, int Line)> _values = new(StringComparer.Ordinal);

    private PostfixParameters(string file) => File = file;

    /// <summary>The file the parameters were read from (for messages).</summary>
    public string File { get; }

    /// <summary>Parses a main.cf text shown as <paramref name="file"/>.</summary>
    /// <exception cref="MtaConfigException">A logical line is not <c>name = value</c>.</exception>
    public static PostfixParameters Parse(string file, string text)
    {
        var parameters = new PostfixParameters(file);
        foreach (var (line, number) in PostfixLogicalLines.Read(text))
        {
            var eq = line.IndexOf('=');
            var name = eq > 0 ? line[..eq].TrimEnd() : "";
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/'))
                throw new MtaConfigException(file, number, $"'{Shorten(line)}' is not 'name = value'");
            parameters._values[name] = (line[(eq + 1)..].Trim(), number);
        }
        return parameters;
    }

    /// <summary>The line a parameter is set on, or 0 when it has its default.</summary>
    public int LineOf(string name) => _values.TryGetValue(name, out var v) ? v.Line : 0;

    /// <summary>The raw value of a parameter (its default when not set), or null.</summary>
    public string? Raw(string name) => _values.TryGetValue(name, out var v) ? v.Value : Defaults.GetValueOrDefault(name);

    /// <summary>The expanded value of a parameter; <paramref name="overrides"/> (master.cf <c>-o</c>) come first.</summary>
    /// <exception cref="MtaConfigException">The expansion loops or a <c>${</c> is not closed.</exception>
    public string Get(string name, IReadOnlyDictionary<string, string>? overrides = null) =>
        Expand(RawWith(name, overrides) ?? "", overrides, LineOf(name), 0);

    /// <summary>Expands <paramref name="value"/> (written at <paramref name="line"/>) against these parameters and <paramref name="overrides"/>.</summary>
    public string Expand(string value, IReadOnlyDictionary<string, string>? overrides, int line) => Expand(value, overrides, line, 0);

    private string? RawWith(string name, IReadOnlyDictionary<string, string>? overrides) =>
        overrides is not null && overrides.TryGetValue(name, out var o) ? o : Raw(name);

    private string Expand(string value, IReadOnlyDictionary<string, string>? overrides, int line, int depth)
    {
        if (!value.Contains('$')) return value;
        if (depth > MaxDepth) throw new MtaConfigException(File, line, $"parameter expansion nests deeper than {MaxDepth} levels (a loop?) in '{Shorten(value)}'");
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '$' || i + 1 >= value.Length) { sb.Append(c); continue; }
            var next = value[i + 1];
            if (next == '$') { sb.Append('$'); i++; continue; }
            if (next is '{' or '(')
            {
                var close = Closing(value, i + 1);
                if (close < 0) throw new MtaConfigException(File, line, $"'{next}' opened at column {i + 2} is not closed in '{Shorten(value)}'");
                sb.Append(Braced(value[(i + 2)..close], overrides, line, depth));
                i = close;
                continue;
            }
            var end = i + 1;
            while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] == '_')) end++;
            if (end == i + 1) { sb.Append(c); continue; }
            sb.Append(Lookup(value[(i + 1)..end], overrides, line, depth));
            i = end - 1;
        }
        return sb.ToString();
    }

    // "name", "name?text", "name:text", "name?{text}:{text}".
    private string Braced(string inner, IReadOnlyDictionary<string, string>? overrides, int line, int depth)
    {
        var op = inner.IndexOfAny(['?', ':']);
        if (op < 0) return Lookup(inner.Trim(), overrides, line, depth);
        var name = inner[..op].Trim();
        var set = Lookup(name, overrides, line, depth).Length > 0;
        var rest = inner[(op + 1)..];
        if (inner[op] == ':') return set ? "" : Expand(Unbrace(rest), overrides, line, depth + 1);
        var (whenSet, whenUnset) = SplitAlternatives(rest);
        return Expand(set ? whenSet : whenUnset, overrides, line, depth + 1);
    }

    // "{a}:{b}" -> (a, b); "text" -> (text, "").
    private static (string WhenSet, string WhenUnset) SplitAlternatives(string rest)
    {
        var trimmed = rest.Trim();
        if (trimmed.StartsWith('{'))
        {
            var close = Closing(trimmed, 0);
            if (close > 0)
            {
                var after = trimmed[(close + 1)..].TrimStart();
                if (after.StartsWith(':')) return (trimmed[1..close], Unbrace(after[1..]));
                return (trimmed[1..close], "");
            }
        }
        return (rest, "");
    }

    private static string Unbrace(string s)
    {
        var t = s.Trim();
        return t.Length >= 2 && t[0] == '{' && t[^1] == '}' ? t[1..^1] : s;
    }

    private string Lookup(string name, IReadOnlyDictionary<string, string>? overrides, int line, int depth)
    {
        var raw = RawWith(name, overrides);
        return raw is null ? "" : Expand(raw, overrides, LineOf(name) is > 0 and var l ? l : line, depth + 1);
    }

    // The index of the bracket closing the one at open ('{' or '('), nested brackets counted; -1 when unclosed.
    private static int Closing(string s, int open)
    {
        var (o, c) = s[open] == '{' ? ('{', '}') : ('(', ')');
        var level = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == o) level++;
            else if (s[i] == c && --level == 0) return i;
        }
        return -1;
    }

    internal static string Shorten(string s) => s.Length > 70 ? s[..70] + "..." : s;
}
