namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>
/// A file to take away (a suppression list as CSV): its name, media type and text. The web chat offers it as a
/// download, text channels show its first lines and say how to get the whole file.
/// </summary>
/// <param name="FileName">The file's name (<c>suppress-icloud.csv</c>).</param>
/// <param name="MediaType">Its media type (<c>text/csv</c>).</param>
/// <param name="Content">The whole file.</param>
/// <param name="Command">The command that writes the same file (<c>dbot suppress --format csv</c>), for channels that cannot attach it.</param>
public sealed record FileBlock(string FileName, string MediaType, string Content, string Command) : AnswerBlock
{
    /// <inheritdoc />
    public override bool IsEmpty => Content.Length == 0;

    /// <summary>The first <paramref name="count"/> lines, for previews.</summary>
    public IReadOnlyList<string> Preview(int count) =>
        Content.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Take(count).ToList();

    /// <summary>Lines of the file (header included).</summary>
    public int LineCount => Content.Split('\n').Count(l => l.TrimEnd('\r').Length > 0);

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) =>
        this with { Title = Title is null ? null : map(Title), Content = string.Join('\n', Content.Split('\n').Select(map)) };
}
