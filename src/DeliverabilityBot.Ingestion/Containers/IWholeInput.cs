namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>An input a single message is read from whole: a file opened once, or a pipe, stdin or gzip buffered within the limit.</summary>
internal interface IWholeInput
{
    /// <summary>
    /// The whole content as a stream from its first byte, over a buffer or temporary file the input owns (nothing read
    /// from it may outlive the input); with <paramref name="crToLf"/>, lone-CR line ends become LF.
    /// </summary>
    Stream ReadWhole(bool crToLf);
}
