namespace DeliverabilityBot.Cli.Output;

/// <summary>Whether to colour output: only on an interactive terminal, and never when NO_COLOR is set.</summary>
internal static class Terminal
{
    public static bool UseColor(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static string Bold(string s, bool color) => color ? $"\u001b[1m{s}\u001b[0m" : s;
    public static string Red(string s, bool color) => color ? $"\u001b[31m{s}\u001b[0m" : s;
    public static string Yellow(string s, bool color) => color ? $"\u001b[33m{s}\u001b[0m" : s;
    public static string Dim(string s, bool color) => color ? $"\u001b[2m{s}\u001b[0m" : s;
}
