namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>One master.cf service line: name, type, command and its <c>-o name=value</c> overrides.</summary>
/// <param name="Name">The service name (the transport name for delivery services).</param>
/// <param name="Type">inet, unix, unix-dgram, fifo or pass.</param>
/// <param name="Command">The program (<c>smtp</c>, <c>smtpd</c>, <c>qmgr</c>, ...).</param>
/// <param name="Overrides">The <c>-o</c> parameters, unexpanded.</param>
/// <param name="Line">The line the service starts on.</param>
public sealed record PostfixMasterService(string Name, string Type, string Command, IReadOnlyDictionary<string, string> Overrides, int Line);

/// <summary>Parses master.cf (master(5)): eight fields and the command's arguments, <c>{ ... }</c> grouping included.</summary>
public static class PostfixMasterCf
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "inet", "unix", "unix-dgram", "fifo", "pass" };

    /// <summary>The services of a master.cf text shown as <paramref name="file"/>.</summary>
    /// <exception cref="MtaConfigException">A line has fewer than eight fields, an unknown type or a bad <c>-o</c>.</exception>
    public static IReadOnlyList<PostfixMasterService> Parse(string file, string text)
    {
        var services = new List<PostfixMasterService>();
        foreach (var (line, number) in PostfixLogicalLines.Read(text))
        {
            var fields = Tokens(line, file, number);
            if (fields.Count < 8)
                throw new MtaConfigException(file, number, $"a service needs 8 fields (service type private unpriv chroot wakeup maxproc command), found {fields.Count} in '{PostfixParameters.Shorten(line)}'");
            if (!Types.Contains(fields[1]))
                throw new MtaConfigException(file, number, $"service type '{fields[1]}' of '{fields[0]}' is not inet, unix, unix-dgram, fifo or pass");
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 8; i < fields.Count; i++)
            {
                string? setting = null;
                if (fields[i] == "-o")
                {
                    if (i + 1 >= fields.Count) throw new MtaConfigException(file, number, $"'-o' without 'name=value' in service '{fields[0]}'");
                    setting = fields[++i];
                }
                else if (fields[i].StartsWith("-o", StringComparison.Ordinal) && fields[i].Length > 2) setting = fields[i][2..];
                if (setting is null) continue;
                var eq = setting.IndexOf('=');
                if (eq <= 0) throw new MtaConfigException(file, number, $"'-o {setting}' in service '{fields[0]}' is not 'name=value'");
                overrides[setting[..eq].Trim()] = setting[(eq + 1)..].Trim();
            }
            services.Add(new(fields[0], fields[1], Path.GetFileName(fields[7]), overrides, number));
        }
        return services;
    }

    // Whitespace-separated; "{ a = b }" is one token "a = b" (Postfix 3.0 grouping), nested braces kept.
    private static List<string> Tokens(string line, string file, int number)
    {
        var tokens = new List<string>();
        for (var i = 0; i < line.Length;)
        {
            if (char.IsWhiteSpace(line[i])) { i++; continue; }
            if (line[i] == '{')
            {
                var level = 0;
                var j = i;
                for (; j < line.Length; j++)
                {
                    if (line[j] == '{') level++;
                    else if (line[j] == '}' && --level == 0) break;
                }
                if (j >= line.Length) throw new MtaConfigException(file, number, $"'{{' at column {i + 1} is not closed");
                tokens.Add(line[(i + 1)..j].Trim());
                i = j + 1;
                continue;
            }
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            tokens.Add(line[start..i]);
        }
        return tokens;
    }
}
