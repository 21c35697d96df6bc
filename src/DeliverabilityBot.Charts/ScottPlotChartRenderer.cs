using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;
using ScottPlot;
using System.Globalization;
using SkiaSharp;

namespace DeliverabilityBot.Charts;

/// <summary>
/// Draws a <see cref="ChartBlock"/> with ScottPlot: one panel per <see cref="ChartBlock.Panels"/> entry, stacked and
/// sharing a UTC time axis (percent panels 0-100%, the volume panel below as bars), a legend per panel, the block's title
/// on top. Colours are Okabe-Ito (told apart with colour-vision deficiencies); a second measure of the same thing is
/// dashed. A bucket without traffic is a gap in the line, never 0%. Thread-safe: every call draws its own plots.
/// </summary>
public sealed class ScottPlotChartRenderer : IChartImageRenderer
{
    // Okabe & Ito (2008), without yellow (too light on white): blue, vermillion, bluish green, orange, reddish purple, sky blue, black.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#E69F00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"),
    ];

    private static readonly Color VolumeColor = Color.FromHex("#9E9E9E");
    private static readonly Lock FontLock = new();
    private static readonly Dictionary<string, string> Registered = new(StringComparer.Ordinal);

    private readonly string? _fontFile;
    private string? _font;

    /// <summary>Creates a renderer; <paramref name="fontFile"/> overrides the font lookup (<see cref="ChartFonts"/>).</summary>
    public ScottPlotChartRenderer(string? fontFile = null) => _fontFile = fontFile;

    /// <inheritdoc />
    public byte[] RenderPng(ChartBlock chart, ChartImageSize size)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(size);
        if (size.Width < 200 || size.Height < 150 || size.Width > 4000 || size.Height > 4000)
            throw new ArgumentOutOfRangeException(nameof(size), $"A chart is 200x150 to 4000x4000 pixels, not {size.Width}x{size.Height}.");
        var font = Font();
        try
        {
            return Draw(chart, size, font);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new ChartRenderingException($"Skia's native library could not be loaded to draw the chart ({ex.GetBaseException().Message}).", ex);
        }
    }

    // The font file is looked up once per renderer and registered with ScottPlot once per process under a name of its own.
    private string Font()
    {
        if (_font is { } known) return known;
        var file = ChartFonts.Find(_fontFile);
        lock (FontLock)
        {
            if (!Registered.TryGetValue(file, out var name))
            {
                name = "DeliverabilityBot Chart " + Registered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Fonts.AddFontFile(name, file);
                Registered[file] = name;
            }

            return _font = name;
        }
    }

    private static byte[] Draw(ChartBlock chart, ChartImageSize size, string font)
    {
        var panels = chart.Panels;
        var groups = chart.Series.Select(s => s.Group.Length > 0 ? s.Group : s.Name).Distinct(StringComparer.Ordinal).ToList();
        var points = chart.Series.SelectMany(s => s.Points).Select(p => p.At).ToList();
        var minX = points.Min().UtcDateTime;
        var maxX = points.Max().UtcDateTime + chart.BucketWidth;
        var daily = chart.BucketWidth >= TimeSpan.FromDays(1);

        var titleHeight = chart.Title is null ? 0 : Math.Max(28, size.Height / 16);
        var heights = PanelHeights(panels, chart, size.Height - titleHeight);
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new ChartRenderingException($"Skia could not create a {size.Width}x{size.Height} drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (chart.Title is { } title) DrawTitle(canvas, title, size.Width, titleHeight, font);

        var top = titleHeight;
        for (var i = 0; i < panels.Count; i++)
        {
            var plot = new Plot();
            plot.Font.Set(font);
            var last = i == panels.Count - 1;
            var inPanel = chart.Series.Where(s => s.Panel == panels[i]).ToList();
            foreach (var s in inPanel)
            {
                var color = Palette[groups.IndexOf(s.Group.Length > 0 ? s.Group : s.Name) % Palette.Length];
                if (s.Style == ChartStyle.Bars) AddBars(plot, s, chart.BucketWidth);
                else AddLine(plot, s, color, chart.BucketWidth);
            }

            var time = plot.Axes.DateTimeTicksBottom();
            if (time.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
                automatic.LabelFormatter = t => t.ToString(daily ? "yyyy-MM-dd" : t.Hour == 0 && t.Minute == 0 ? "MM-dd\nHH:mm" : "HH:mm", CultureInfo.InvariantCulture);
            plot.Axes.SetLimitsX(minX.ToOADate(), maxX.ToOADate());
            if (inPanel.All(s => s.IsPercent))
            {
                var top100 = inPanel.SelectMany(s => s.Points).Max(p => p.Value ?? 0);
                plot.Axes.SetLimitsY(0, top100 > 50 ? 105 : Math.Max(10, Math.Ceiling(top100 / 10 + 0.5) * 10));
            }
            else
            {
                var peak = inPanel.SelectMany(s => s.Points).Max(p => p.Value ?? 0);
                plot.Axes.SetLimitsY(0, Math.Max(1, peak * 1.1));
            }

            plot.Axes.Left.Label.Text = panels[i];
            plot.Axes.Left.Label.FontSize = 13;
            plot.Axes.Bottom.Label.Text = last ? (daily ? "day (UTC)" : "hour (UTC)") : string.Empty;
            if (!last) plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
            if (inPanel.Count(s => s.Style != ChartStyle.Bars) > 0)
            {
                plot.Legend.IsVisible = true;
                plot.Legend.Alignment = Alignment.UpperLeft;
                plot.Legend.FontSize = 11;
                plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.75);
                plot.Legend.ShadowColor = Colors.Transparent;
            }

            // The same margins on every panel, so their time axes line up. Each panel is drawn on a surface of its own
            // (a plot clears what it draws on) and placed under the previous one.
            plot.Layout.Fixed(new PixelPadding(left: 78, right: 34, bottom: last ? 52 : 10, top: 8));
            using (var panel = SKSurface.Create(new SKImageInfo(size.Width, heights[i], SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new ChartRenderingException($"Skia could not create a {size.Width}x{heights[i]} drawing surface."))
            {
                plot.Render(panel);
                using var drawn = panel.Snapshot();
                canvas.DrawImage(drawn, 0, top, new SKSamplingOptions(SKFilterMode.Nearest));
            }

            top += heights[i];
        }

        return Encode(surface, size.FewerColours);
    }

    // Opaque RGB (no alpha channel), every PNG row filter tried and zlib's best compression: a chart is mostly flat
    // colour, and the compact image must fit a Teams card's data: URL budget.
    private static byte[] Encode(SKSurface surface, bool fewerColours)
    {
        using var image = surface.Snapshot();
        using var opaque = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgb888x, SKAlphaType.Opaque));
        if (!image.ReadPixels(opaque.Info, opaque.GetPixels(), opaque.RowBytes, 0, 0))
            throw new ChartRenderingException("Skia could not read the chart's pixels back.");
        if (fewerColours) Posterize(opaque);
        using var pixmap = opaque.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new ChartRenderingException("Skia could not encode the chart as PNG.");
        return data.ToArray();
    }

    // Each channel rounded to one of 16 levels (0, 17, ..., 255): flat areas stay exact, antialiased edges take fewer
    // distinct values, which zlib packs far better.
    private static void Posterize(SKBitmap bitmap)
    {
        var bytes = bitmap.Bytes; // a copy
        for (var i = 0; i < bytes.Length; i++)
        {
            if ((i & 3) == 3) continue; // the unused fourth byte of Rgb888x
            bytes[i] = (byte)((bytes[i] + 8) / 17 * 17);
        }

        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bitmap.GetPixels(), bytes.Length);
    }

    // Percent panels share the height; the volume panel (bars) gets a smaller strip; the last panel also holds the axis.
    private static int[] PanelHeights(IReadOnlyList<string> panels, ChartBlock chart, int available)
    {
        var weights = panels.Select(p => chart.Series.First(s => s.Panel == p).Style == ChartStyle.Bars ? 0.6 : 1.0).ToArray();
        weights[^1] += 0.25;
        var sum = weights.Sum();
        var heights = weights.Select(w => (int)Math.Floor(available * w / sum)).ToArray();
        heights[^1] += available - heights.Sum();
        return heights;
    }

    private static void DrawTitle(SKCanvas canvas, string title, int width, int height, string font)
    {
        var typeface = Fonts.GetTypeface(font, bold: false, italic: false); // ScottPlot's cached instance: not ours to dispose
        using var skFont = new SKFont(typeface, Math.Min(18, height * 0.55f));
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var text = title;
        while (text.Length > 10 && skFont.MeasureText(text) > width - 24) text = text[..^2].TrimEnd() + "…";
        canvas.DrawText(text, 12, height * 0.7f, SKTextAlign.Left, skFont, paint);
    }

    private static void AddLine(Plot plot, ChartSeries s, Color color, TimeSpan bucket)
    {
        // Points sit in the middle of their bucket; a run of values is one line, a null breaks it.
        var legend = true;
        var run = new List<(double X, double Y)>();
        void Flush()
        {
            if (run.Count == 0) return;
            var line = plot.Add.Scatter(run.Select(r => r.X).ToArray(), run.Select(r => r.Y).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = run.Count == 1 ? 6 : 4;
            line.LinePattern = s.Style == ChartStyle.DashedLine ? LinePattern.Dashed : LinePattern.Solid;
            if (legend) line.LegendText = s.Name;
            legend = false;
            run.Clear();
        }

        foreach (var p in s.Points)
        {
            if (p.Value is { } v) run.Add(((p.At.UtcDateTime + bucket / 2).ToOADate(), v));
            else Flush();
        }

        Flush();
    }

    private static void AddBars(Plot plot, ChartSeries s, TimeSpan bucket)
    {
        var bars = s.Points.Where(p => p.Value is > 0).Select(p => new Bar
        {
            Position = (p.At.UtcDateTime + bucket / 2).ToOADate(),
            Value = p.Value!.Value,
            Size = bucket.TotalDays * 0.8,
            FillColor = VolumeColor,
            LineWidth = 0,
        }).ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);
    }
}
