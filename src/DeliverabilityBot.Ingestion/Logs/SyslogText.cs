using System.Runtime.CompilerServices;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Hand-written pieces of syslog-style MTA lines (Postfix, sendmail), with the same meaning as the regular
/// expressions they replace on pure-ASCII text: <c>\w</c> is <c>[A-Za-z0-9_]</c>, <c>\s</c> is ASCII white space,
/// <c>\b</c> is a word/non-word change. Callers send non-ASCII lines to their regex path instead.
/// </summary>
internal static class SyslogText
{
    /// <summary>ASCII white space, as <c>\s</c> matches it.</summary>
    public const string Whitespace = " \t\n\v\f\r";

    /// <summary><c>\w</c> on ASCII.</summary>
    public static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary><c>[\w.\-]</c> on ASCII: a program or service name character.</summary>
    public static bool IsProgramChar(char c) => IsWord(c) || c is '.' or '-';

    /// <summary><c>\s</c> on ASCII.</summary>
    public static bool IsSpace(char c) => c is ' ' or (>= '\t' and <= '\r');

    /// <summary>
    /// The first index at or after <paramref name="from"/> where <paramref name="name"/> starts on a word boundary
    /// (what <c>\bname</c> finds when <paramref name="name"/> starts with a word character), or -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOfField(ReadOnlySpan<char> text, int from, string name)
    {
        while (from <= text.Length)
        {
            var i = text[from..].IndexOf(name, StringComparison.Ordinal);
            if (i < 0) return -1;
            i += from;
            if (i == 0 || !IsWord(text[i - 1])) return i;
            from = i + 1;
        }
        return -1;
    }

    /// <summary>How many ASCII digits lead <paramref name="text"/>, counting at most <paramref name="max"/>.</summary>
    public static int CountDigits(ReadOnlySpan<char> text, int max)
    {
        var n = 0;
        while (n < max && n < text.Length && char.IsAsciiDigit(text[n])) n++;
        return n;
    }

    /// <summary>
    /// Reads <c>[pid]:\s+QUEUEID:\s+</c> at <paramref name="at"/> (the <c>[</c> after the program name), the queue id
    /// being at least <paramref name="minQueueId"/> of <c>[0-9A-Za-z]</c>; <paramref name="rest"/> is where the
    /// message after it starts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryPidAndQueueId(string line, int at, int minQueueId, out string queueId, out int rest)
    {
        queueId = "";
        rest = 0;
        if (at >= line.Length || line[at] != '[') return false;
        var i = at + 1;
        var digits = CountDigits(line.AsSpan(i), int.MaxValue);
        i += digits;
        if (digits == 0 || i + 1 >= line.Length || line[i] != ']' || line[i + 1] != ':') return false;
        i += 2;
        var spaces = SkipSpaces(line, i);
        if (spaces == i) return false;
        i = spaces;
        var idStart = i;
        while (i < line.Length && char.IsAsciiLetterOrDigit(line[i])) i++;
        if (i - idStart < minQueueId || i >= line.Length || line[i] != ':') return false;
        var idEnd = i++;
        rest = SkipSpaces(line, i);
        if (rest == i) return false;
        queueId = line[idStart..idEnd];
        return true;
    }

    private static int SkipSpaces(string line, int i)
    {
        while (i < line.Length && IsSpace(line[i])) i++;
        return i;
    }
}
