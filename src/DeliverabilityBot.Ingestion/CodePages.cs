using System.Text;

namespace DeliverabilityBot.Ingestion;

/// <summary>
/// .NET ships only the Unicode and Latin-1 encodings; bounces arrive in ISO-2022-JP, Shift_JIS, windows-1252, GB2312,
/// ... This registers the code-page provider once per process, before anything here looks a charset up (MimeKit
/// remembers a charset it could not find).
/// </summary>
internal static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Registers the provider if this is the first call; free afterwards.</summary>
    public static void EnsureRegistered()
    {
        // The static constructor did the work.
    }
}
