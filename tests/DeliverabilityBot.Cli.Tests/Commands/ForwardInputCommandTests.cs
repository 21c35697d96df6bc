using System.Diagnostics;
using System.IO.Compression;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>classify</c> and <c>ingest</c> as separate processes over stdin (<c>-</c>), a FIFO and gzip files.</summary>
public sealed class ForwardInputCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-forward-cli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static string Email => File.ReadAllText(TestPaths.InRepo("tests", "fixtures", "icloud", "cs01-554-dsn.eml"));

    private static string Log => File.ReadAllText(TestPaths.InRepo("tests", "fixtures", "icloud", "deferral-421-470.log"));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string WriteGzip(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        writer.Write(content);
        return path;
    }

    /// <summary>The JSON lines with each <c>source</c> replaced by <paramref name="source"/>.</summary>
    private static string WithSource(string jsonLines, string from, string source) =>
        jsonLines.Replace($"\"source\":\"{from}\"", $"\"source\":\"{source}\"", StringComparison.Ordinal);

    [Theory]
    [InlineData("email")]
    [InlineData("log")]
    public void ClassifyJson_Stdin_SameLinesAsTheFileWithSourceDash(string kind)
    {
        var content = kind == "email" ? Email : Log;
        var file = Write("evidence", content);
        var fromFile = DbotProcess.Run(null, "classify", "--json", "--all", file);

        var fromStdin = DbotProcess.Run(content, "classify", "--json", "--all", "-");

        Assert.True(fromStdin.ExitCode == 0, fromStdin.Err);
        Assert.Contains("\"source\":\"-\"", fromStdin.Out);
        Assert.Equal(WithSource(fromFile.Out, file, "-"), fromStdin.Out);
    }

    [Fact]
    public void ClassifyJson_StdinTwice_ErrorOnStderrReadOnce()
    {
        var run = DbotProcess.Run(Email, "classify", "--json", "-", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-: standard input is given more than once", run.Err);
        Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ClassifyJson_GzipLogAndGzippedEmail_SameLinesAsThePlainFiles()
    {
        var log = Write("mail.log", Log);
        var email = Write("bounce.eml", Email);
        var plain = DbotProcess.Run(null, "classify", "--json", "--all", log, email);
        var gzLog = WriteGzip("mail.log.2.gz", Log);
        var gzEmail = WriteGzip("bounce-20261201", Email);

        var gzipped = DbotProcess.Run(null, "classify", "--json", "--all", gzLog, gzEmail);

        Assert.True(gzipped.ExitCode == 0, gzipped.Err);
        Assert.Equal(2, gzipped.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(WithSource(WithSource(plain.Out, log, gzLog), email, gzEmail), gzipped.Out);
    }

    [Fact]
    public void ClassifyJson_CorruptGzip_ErrorNamesPathOthersStillPrinted()
    {
        var corrupt = Path.Combine(_folder, "maillog-20261201.gz");
        File.WriteAllBytes(corrupt, [0x1f, 0x8b, .. "not deflate data, only text"u8]);
        var email = Write("bounce.eml", Email);

        var run = DbotProcess.Run(null, "classify", "--json", corrupt, email);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"dbot classify: {corrupt}: cannot be read: not a readable gzip file", run.Err);
        Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ClassifyJson_Fifo_SameLinesAsTheFile()
    {
        // A named pipe stands for process substitution (<(zcat ...), /dev/fd/63): a path that cannot seek. POSIX only.
        if (OperatingSystem.IsWindows()) return;
        var file = Write("mail.log", Log);
        var fifo = Path.Combine(_folder, "fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var writer = new Thread(() => File.WriteAllText(fifo, Log)) { IsBackground = true }; // blocks until dbot opens the FIFO
        writer.Start();

        var run = DbotProcess.Run(null, "classify", "--json", "--all", fifo);

        Assert.True(writer.Join(TimeSpan.FromSeconds(60)), "dbot never opened the FIFO");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(WithSource(DbotProcess.Run(null, "classify", "--json", "--all", file).Out, file, fifo), run.Out);
    }

    [Fact]
    public void Ingest_GzipOnStdin_StoredLikeThePlainLog()
    {
        var gz = WriteGzip("mail.log.1.gz", Log);
        var data = Path.Combine(_folder, "data");

        var fromStdin = DbotProcess.RunWithStdinFile(gz, "ingest", "--data", data, "-");
        var again = DbotProcess.Run(null, "ingest", "--data", data, Write("mail.log", Log));

        Assert.True(fromStdin.ExitCode == 0, fromStdin.Err);
        Assert.Contains("Stored 1 new", fromStdin.Out);
        // The same attempts from the plain log: already stored, nothing new.
        Assert.Contains("Stored 0 new", again.Out);
    }
}
