namespace DeliverabilityBot.HistoryBench;

/// <summary>Tiny <c>--name value</c> reader for the bench commands.</summary>
internal static class Args
{
    public static string Get(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static long Long(string[] args, string name, long fallback) => long.Parse(Get(args, name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
}
