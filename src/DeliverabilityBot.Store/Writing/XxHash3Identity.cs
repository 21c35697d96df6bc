using System.IO.Hashing;
using System.Runtime.InteropServices;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// <see cref="IdentityScheme.XxHash3"/>: XxHash3 (seed 0) over the parts laid out as UTF-16 code units without any
/// encoding step: a flags unit (bit 0: time estimated, bit 1: anchorless), the unix time as four units (none when
/// estimated), the action, then each text as its length in two units (0xFFFF 0xFFFF for null) followed by its
/// characters: recipient, remote host, reply, message id, sending IP, and for anchorless events the source and the
/// position (two units). Length prefixes keep <c>"a","bc"</c> and <c>"ab","c"</c> apart. This layout is stored in
/// every store created since schema version 2: never change it (add a scheme instead).
/// </summary>
internal sealed class XxHash3Identity : EventIdentity
{
    private char[] _buffer = new char[1024];
    private int _length;

    public override IdentityScheme Scheme => IdentityScheme.XxHash3;

    public override long Of(StoredEvent e)
    {
        var anchorless = IsAnchorless(e);
        _length = 0;
        Ensure(16);
        _buffer[_length++] = (char)((e.TimestampEstimated ? 1 : 0) | (anchorless ? 2 : 0));
        if (!e.TimestampEstimated) AppendInt64(e.Timestamp.ToUnixTimeSeconds());
        _buffer[_length++] = (char)(ushort)(int)e.Action;
        Append(e.Recipient);
        Append(e.RemoteHost);
        Append(e.Reply);
        Append(e.MessageId);
        Append(e.SendingIp);
        if (anchorless)
        {
            Append(e.Source);
            Ensure(2);
            AppendInt32(e.Index);
        }
        return Hash(_buffer.AsSpan(0, _length));
    }

    public override long OfText(string text) => Hash(text);

    private static long Hash(ReadOnlySpan<char> chars) => unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(chars)));

    private void Append(string? text)
    {
        var length = text?.Length ?? -1;
        Ensure(2 + Math.Max(0, length));
        AppendInt32(length);
        if (text is null) return;
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void AppendInt32(int value)
    {
        _buffer[_length++] = (char)(ushort)value;
        _buffer[_length++] = (char)(ushort)(value >> 16);
    }

    private void AppendInt64(long value)
    {
        AppendInt32((int)value);
        AppendInt32((int)(value >> 32));
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }
}
