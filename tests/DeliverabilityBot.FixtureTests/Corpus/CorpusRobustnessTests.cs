using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.FixtureTests.Corpus;

/// <summary>Every file of the corpus reads without an error, non-bounces yield nothing, and CRLF copies read like LF ones.</summary>
public class CorpusRobustnessTests
{
    [SkippableFact]
    public void Read_EveryCorpusFile_NoErrors()
    {
        var errors = SisimaiCorpus.Result.Reads.Where(r => r.Error is not null).Select(r => r.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.True(SisimaiCorpus.Result.Reads.Count > 400);
    }

    [SkippableFact]
    public void Read_NotBounces_YieldNoEvents()
    {
        var notDir = Path.Combine(SisimaiCorpus.Dir, "maildir", "not");
        var reads = new EvidenceBatch().Read([notDir]).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.True(r.Succeeded && r.Events.Count == 0, $"{r.Path}: {r.Error ?? $"{r.Events.Count} event(s)"}"));
    }

    [SkippableFact]
    public void Read_CrlfCopies_SameRecipientsAndCodesAsLf()
    {
        var dos = Path.Combine(SisimaiCorpus.Dir, "maildir", "dos");
        var bsd = Path.Combine(SisimaiCorpus.Dir, "maildir", "bsd");
        var reader = new EvidenceFileReader();
        var compared = 0;
        foreach (var crlf in Directory.GetFiles(dos, "*.eml"))
        {
            var lf = Path.Combine(bsd, Path.GetFileName(crlf));
            if (!File.Exists(lf)) continue;
            var a = reader.Read(crlf).SelectMany(r => r.Events).Select(e => (e.Recipient, e.Reply.Code, e.Reply.Status?.ToString())).ToList();
            var b = reader.Read(lf).SelectMany(r => r.Events).Select(e => (e.Recipient, e.Reply.Code, e.Reply.Status?.ToString())).ToList();
            Assert.True(a.SequenceEqual(b), $"{Path.GetFileName(crlf)}: CRLF [{string.Join("; ", a)}] vs LF [{string.Join("; ", b)}]");
            compared++;
        }
        Assert.True(compared > 0, "no CRLF file had an LF twin");
    }

    [SkippableFact]
    public void Read_Mbox_EveryMessageNumbered()
    {
        var mbox = Path.Combine(SisimaiCorpus.Dir, "mailbox", "mbox-0");
        var results = new EvidenceFileReader().Read(mbox).ToList();
        Assert.Equal(37, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(Enumerable.Range(1, 37), results.Select(r => r.MessageIndex ?? 0));
        Assert.All(results.SelectMany(r => r.Events), e => Assert.NotNull(e.MessageIndex));
    }
}
