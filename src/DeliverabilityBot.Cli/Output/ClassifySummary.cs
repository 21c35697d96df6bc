using System.Runtime.InteropServices;
using DeliverabilityBot.Cli.Commands;

namespace DeliverabilityBot.Cli.Output;

/// <summary>Counts for the summary of a <c>classify</c> run: by receiver, reason and reply class.</summary>
internal sealed class ClassifySummary
{
    private readonly HashSet<string> _readPaths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedPaths = new(StringComparer.Ordinal);

    /// <summary>Files read (an mbox counts once).</summary>
    public int FilesRead => _readPaths.Count;

    /// <summary>Files (or mbox messages) that could not be read.</summary>
    public int Failures { get; private set; }

    /// <summary>Messages read (emails, mbox messages; a log counts as one).</summary>
    public int Messages { get; private set; }

    /// <summary>Classified events.</summary>
    public int Events { get; private set; }

    /// <summary>Events per receiver.</summary>
    public Dictionary<string, int> ByReceiver { get; } = new(StringComparer.Ordinal);

    /// <summary>Events per reason.</summary>
    public Dictionary<string, int> ByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Events per reply class (<c>5xx</c>, <c>4xx</c>, <c>2xx</c>, <c>none</c>).</summary>
    public Dictionary<string, int> ByReplyClass { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds one read file or message.</summary>
    public void Add(KeyedFile file)
    {
        if (file.Read.Error is not null)
        {
            Failures++;
            _failedPaths.Add(file.Read.Path);
            return;
        }
        _readPaths.Add(file.Read.Path);
        if (!file.Continued) Messages++; // a streamed log's later slices are the same message
        for (var i = 0; i < file.Events.Count; i++)
        {
            Events++;
            Count(ByReceiver, file.Shared[i].Receiver);
            Count(ByReason, file.Shared[i].Reason);
            Count(ByReplyClass, ReplyClassName(file.Events[i].Reply.ReplyClass));
        }
    }

    private static string ReplyClassName(int? replyClass) => replyClass switch
    {
        null => "none",
        2 => "2xx",
        4 => "4xx",
        5 => "5xx",
        { } c => $"{c}xx",
    };

    private static void Count(Dictionary<string, int> d, string key) => CollectionsMarshal.GetValueRefOrAddDefault(d, key, out _)++;
}
