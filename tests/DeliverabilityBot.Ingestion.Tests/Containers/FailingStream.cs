namespace DeliverabilityBot.Ingestion.Tests.Containers;

/// <summary>A read-only stream over <c>bytes</c> that gives the first <c>failAfter</c> of them, then fails as a disk would.</summary>
internal sealed class FailingStream(byte[] bytes, int failAfter) : Stream
{
    public const string Problem = "Input/output error (simulated)";

    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfter) throw new IOException(Problem);
        var n = Math.Min(count, Math.Min(failAfter, bytes.Length) - _position);
        Array.Copy(bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
