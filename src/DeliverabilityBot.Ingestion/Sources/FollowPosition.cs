using System.Globalization;

namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>
/// Where a followed log stands: the file (device and inode, and a fingerprint of its first bytes, which survives a rename,
/// a copy and gzip) and the byte offset of the first line not yet read.
/// </summary>
/// <param name="Device">The device number, 0 where it cannot be told.</param>
/// <param name="Inode">The inode number, 0 where it cannot be told.</param>
/// <param name="Offset">Bytes read through complete lines.</param>
/// <param name="HeadLength">How many of the file's first bytes <paramref name="HeadHash"/> covers.</param>
/// <param name="HeadHash">SHA-256 of those bytes, hex.</param>
internal sealed record FollowPosition(ulong Device, ulong Inode, long Offset, int HeadLength, string HeadHash)
{
    /// <summary>The persisted form: <c>device:inode:offset:headLength:headHash</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Device}:{Inode}:{Offset}:{HeadLength}:{HeadHash}");

    /// <summary>Reads the persisted form; null when it is not one (written by another version: the log is read from its start).</summary>
    public static FollowPosition? Parse(string? text)
    {
        var parts = text?.Split(':');
        if (parts is not { Length: 5 }) return null;
        var c = CultureInfo.InvariantCulture;
        return ulong.TryParse(parts[0], c, out var device) && ulong.TryParse(parts[1], c, out var inode)
            && long.TryParse(parts[2], c, out var offset) && int.TryParse(parts[3], c, out var headLength) && offset >= 0
            ? new FollowPosition(device, inode, offset, headLength, parts[4])
            : null;
    }
}
