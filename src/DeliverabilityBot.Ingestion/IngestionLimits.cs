using MimeKit;

namespace DeliverabilityBot.Ingestion;

/// <summary>Hard limits against hostile or broken input. A file beyond a limit is reported, never half-read silently.</summary>
public sealed class IngestionLimits
{
    /// <summary>The defaults: 50 MB per email, 2 GB per log or mbox (streamed), MIME depth 32.</summary>
    public static IngestionLimits Default { get; } = new();

    // Every parse takes its ParserOptions from here, so the code pages are registered before MimeKit's first lookup.
    static IngestionLimits() => CodePages.EnsureRegistered();

    /// <summary>The largest single email read, in bytes.</summary>
    public long MaxMessageBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The largest log or mbox file read, in bytes (they are streamed, not held in memory).</summary>
    public long MaxStreamBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The deepest MIME nesting parsed (MimeKit <see cref="ParserOptions.MaxMimeDepth"/>).</summary>
    public int MaxMimeDepth { get; init; } = 32;

    /// <summary>The longest log line considered; longer lines are cut.</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>MimeKit parser options carrying these limits.</summary>
    public ParserOptions ParserOptions => _parserOptions ??= CreateParserOptions();

    private ParserOptions? _parserOptions;

    private ParserOptions CreateParserOptions()
    {
        var o = ParserOptions.Default.Clone();
        o.MaxMimeDepth = MaxMimeDepth;
        // Bounces from old MTAs carry raw 8-bit headers in legacy charsets; fall back to Latin-1 rather than fail.
        o.CharsetEncoding = System.Text.Encoding.UTF8;
        return o;
    }
}
