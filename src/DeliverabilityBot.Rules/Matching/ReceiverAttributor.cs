using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// Attributes an event to a receiver before any rule runs, in order of trust: the recipient domain
/// (exact, or a sub-domain of a listed domain), then the remote host glob, from the files' <c>receiver:</c> blocks.
/// </summary>
public sealed class ReceiverAttributor
{
    private readonly Dictionary<string, string> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(GlobPattern Glob, string Receiver)> _hosts = [];

    /// <summary>Builds the maps; the first file (in load order) to claim a domain or host wins.</summary>
    public ReceiverAttributor(IEnumerable<ReceiverBlock> blocks)
    {
        foreach (var b in blocks)
        {
            foreach (var d in b.Domains) _domains.TryAdd(d, b.Id);
            foreach (var h in b.Hosts)
                if (GlobPattern.TryParse(h, out var g)) _hosts.Add((g!, b.Id));
        }
    }

    /// <summary>An attributor that knows no receivers.</summary>
    public static ReceiverAttributor None { get; } = new([]);

    /// <summary>The receiver for <paramref name="bounce"/>, or <c>unknown</c>.</summary>
    public string Attribute(BounceEvent bounce) => Attribute(bounce.RecipientDomain, bounce.RemoteHost);

    /// <summary>The receiver for a recipient domain and remote host, or <c>unknown</c>.</summary>
    public string Attribute(string? domain, string? host)
    {
        if (!string.IsNullOrEmpty(domain))
        {
            var d = domain.TrimEnd('.');
            while (true)
            {
                if (_domains.TryGetValue(d, out var r)) return r;
                var dot = d.IndexOf('.');
                if (dot < 0 || d.IndexOf('.', dot + 1) < 0) break;
                d = d[(dot + 1)..];
            }
        }
        if (!string.IsNullOrEmpty(host))
        {
            var h = host.TrimEnd('.').ToLowerInvariant();
            foreach (var (glob, receiver) in _hosts)
                if (glob.Matches(h)) return receiver;
        }
        return Receivers.Unknown;
    }

    /// <summary>Derives the per-event facts every condition reads.</summary>
    public EventFacts Facts(BounceEvent bounce) => new(bounce, Attribute(bounce));
}
