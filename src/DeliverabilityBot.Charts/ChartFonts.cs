using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Charts;

/// <summary>
/// Finds the font file chart text is drawn with. Skia is loaded without fontconfig (so it runs on bare container images),
/// so the font is a file: <c>DBOT_CHART_FONT</c> when set, else the first of a few common sans-serif fonts in the usual
/// font folders (DejaVu Sans first: Debian's <c>fonts-dejavu-core</c>, on every Debian and Ubuntu image with fonts).
/// </summary>
public static class ChartFonts
{
    /// <summary>The environment variable naming a TrueType/OpenType font file to draw chart text with.</summary>
    public const string Variable = "DBOT_CHART_FONT";

    /// <summary>Font file names tried in order (a regular sans-serif weight each).</summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf", "Arial.ttf", "arial.ttf", "Helvetica.ttc", "FreeSans.ttf",
    ];

    /// <summary>The folders searched (recursively), in order.</summary>
    public static IReadOnlyList<string> Folders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        return new[]
        {
            "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local", "share", "fonts"), Path.Combine(home, ".fonts"),
            "/System/Library/Fonts", "/Library/Fonts", windows,
        }.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The font file to use.</summary>
    /// <exception cref="ChartRenderingException">The variable names a missing file, or no candidate font was found.</exception>
    public static string Find(string? configured = null)
    {
        configured ??= Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new ChartRenderingException($"{Variable} names {configured}, which does not exist: point it at a .ttf or .otf font file.");
        }

        foreach (var name in Candidates)
        {
            foreach (var folder in Folders().Where(Directory.Exists))
            {
                var found = Search(folder, name);
                if (found is not null) return found;
            }
        }

        throw new ChartRenderingException(
            $"No font file for chart text: looked for {string.Join(", ", Candidates)} under {string.Join(", ", Folders())}. " +
            $"Install one (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set {Variable} to a .ttf file.");
    }

    private static string? Search(string folder, string name)
    {
        try
        {
            return Directory.EnumerateFiles(folder, name, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 4 })
                .OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
