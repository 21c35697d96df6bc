using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Remembers <see cref="RemoteDetail.Read"/> by detail text within one log: a log repeats a few hundred
/// deferral and bounce texts over a million lines, and reading one (stage, host, reply) is the costliest part of a
/// line. The parts are immutable, so events share them. Bounded: cleared when full.
/// </summary>
internal sealed class RemoteDetailCache
{
    private const int Capacity = 8192;
    private readonly Dictionary<string, (string? Host, string? Ip, SmtpReply Reply, SmtpStage Stage)> _read = new(StringComparer.Ordinal);

    /// <summary><see cref="RemoteDetail.Read"/> of <paramref name="detail"/>, remembered.</summary>
    public (string? Host, string? Ip, SmtpReply Reply, SmtpStage Stage) Read(string detail)
    {
        if (_read.TryGetValue(detail, out var known)) return known;
        var read = RemoteDetail.Read(detail);
        if (_read.Count >= Capacity) _read.Clear();
        _read[detail] = read;
        return read;
    }
}
