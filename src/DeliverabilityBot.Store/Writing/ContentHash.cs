using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// The <see cref="IdentityScheme.Sha256"/> identity of a stored event, kept for stores created before schema version 2
/// (see <see cref="EventIdentity"/>): 64 bits of SHA-256 over what the attempt was (time, outcome, recipient,
/// remote host, reply, message id, sending IP), not where it was read from, so the same log or DSN read
/// twice, or from two paths, is stored once. Events with neither a time nor a message id also hash their
/// source and position, since nothing else tells two of them apart.
/// </summary>
public static class ContentHash
{
    /// <summary>The event's identity.</summary>
    public static long Of(StoredEvent e)
    {
        var anchorless = e.TimestampEstimated && e.MessageId is null;
        Span<string?> parts =
        [
            e.TimestampEstimated ? null : e.Timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ((int)e.Action).ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.Recipient, e.RemoteHost, e.Reply, e.MessageId, e.SendingIp,
            anchorless ? e.Source : null,
            anchorless ? e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ];
        return OfParts(parts);
    }

    /// <summary>64 bits of SHA-256 over a text.</summary>
    public static long OfText(string text) => OfParts([text]);

    private static long OfParts(ReadOnlySpan<string?> parts)
    {
        var length = 0;
        foreach (var p in parts) length += (p is null ? 0 : Encoding.UTF8.GetMaxByteCount(p.Length)) + 1;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var p in parts)
            {
                if (p is not null) written += Encoding.UTF8.GetBytes(p, rented.AsSpan(written));
                rented[written++] = 0x1F; // unit separator: "a","bc" and "ab","c" hash differently
            }
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, written), digest);
            return BinaryPrimitives.ReadInt64LittleEndian(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
