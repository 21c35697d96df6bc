using System.Text;
using DeliverabilityBot.Rules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Reads untrusted bytes into one YAML mapping, or diagnostics saying why not. Never throws for any input:
/// size is capped, bytes must be UTF-8 text, and <see cref="GuardedParser"/> rejects anchors and aliases
/// (no "billion laughs"), tags, extra documents and excessive nesting while the node tree is built.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>Reads <paramref name="bytes"/> of the file shown as <paramref name="path"/>.</summary>
    public static YamlMappingNode? Read(string path, ReadOnlySpan<byte> bytes, RuleLoadOptions options, DiagnosticBag bag)
    {
        var file = SourceLocation.InFile(path);
        if (bytes.Length > options.MaxFileBytes)
        {
            bag.Report(DiagnosticCatalog.Unreadable, file, $"file is {bytes.Length:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit for a rule file");
            return null;
        }
        if (!TryDecode(bytes, out var text, out var problem))
        {
            bag.Report(DiagnosticCatalog.Unreadable, file, problem!);
            return null;
        }
        if (text.Length == 0 || text.AsSpan().Trim().IsEmpty) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new GuardedParser(new Parser(new StringReader(text)), options));
            if (stream.Documents.Count == 0) return null;
            if (stream.Documents[0].RootNode is YamlMappingNode map) return map;
            var root = stream.Documents[0].RootNode;
            if (root is YamlScalarNode { Value: null or "" or "~" or "null" }) return null;
            bag.Report(DiagnosticCatalog.DocumentShape, Loc(path, root.Start), "the document root must be a mapping with family, scope and rules");
            return null;
        }
        catch (GuardedParser.ShapeException ex)
        {
            bag.Report(DiagnosticCatalog.DocumentShape, Loc(path, ex.At), ex.Message);
            return null;
        }
        catch (YamlException ex)
        {
            var duplicate = ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                || ex.InnerException is ArgumentException;
            bag.Report(duplicate ? DiagnosticCatalog.DuplicateKey : DiagnosticCatalog.YamlSyntax, Loc(path, ex.Start),
                duplicate ? "duplicate key in a mapping: " + Clean(ex) : Clean(ex));
            return null;
        }
        catch (Exception ex) when (IsParserFault(ex))
        {
            bag.Report(DiagnosticCatalog.YamlSyntax, file, "the YAML could not be read: " + ex.Message);
            return null;
        }
    }

    // YamlDotNet 18 throws these (not YamlException) for some malformed input, found by the fuzz tests in
    // Rules.Tests/Properties: InvalidOperationException from Scanner.ScanPlainScalar, ArgumentException
    // ("unsupported type") from YamlNode.ParseNode. They are input errors, never host faults.
    private static bool IsParserFault(Exception ex) => ex is ArgumentException or InvalidOperationException or FormatException or OverflowException;

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? problem)
    {
        problem = null;
        text = string.Empty;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            problem = $"not valid UTF-8 (at byte {ex.Index})";
            return false;
        }
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            problem = $"binary content (a NUL character at offset {nul}); rule files are UTF-8 text";
            return false;
        }
        return true;
    }

    /// <summary>A YamlDotNet mark as a diagnostic location (both are 1-based).</summary>
    public static SourceLocation Loc(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ..) - (...): "; the location is reported separately.
    private static string Clean(YamlException ex)
    {
        var m = ex.Message;
        var i = m.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && m.StartsWith("(Line", StringComparison.Ordinal) ? m[(i + 3)..] : m;
    }
}
