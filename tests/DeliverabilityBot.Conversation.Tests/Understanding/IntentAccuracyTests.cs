using DeliverabilityBot.Conversation.Tests.Fakes;
using Xunit.Abstractions;

namespace DeliverabilityBot.Conversation.Tests.Understanding;

/// <summary>
/// Intent and receiver accuracy over the natural questions of <c>tests/fixtures/utterances/questions.tsv</c>, each
/// understood alone (a fresh conversation), against the issue's targets (intent 90%, receiver 95%);
/// <c>benchmarks/chat/intent-accuracy.sh</c> measures the same file through <c>dbot ask --json</c>.
/// </summary>
public class IntentAccuracyTests(ITestOutputHelper output)
{
    private static string Corpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "fixtures", "utterances", "questions.tsv");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("tests/fixtures/utterances/questions.tsv not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Understand_NaturalQuestions_MeetIntentAndReceiverTargets()
    {
        var rows = File.ReadLines(Corpus()).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t', 3)).ToList();
        var intentMisses = new List<string>();
        var receiverMisses = new List<string>();
        foreach (var (intent, receiver, text) in rows.Select(r => (r[0], r[1], r[2])))
        {
            var u = TestBot.Understander.Understand(text, ShippedReceivers.Lexicon);
            if (u.Intent != intent) intentMisses.Add($"{text} -> {u.Intent} (expected {intent})");
            if ((u.Entities.Receiver ?? "-") != receiver) receiverMisses.Add($"{text} -> {u.Entities.Receiver ?? "-"} (expected {receiver})");
        }
        var intentAccuracy = 1.0 - (double)intentMisses.Count / rows.Count;
        var receiverAccuracy = 1.0 - (double)receiverMisses.Count / rows.Count;
        output.WriteLine($"{rows.Count} questions: intent {intentAccuracy:P1}, receiver {receiverAccuracy:P1}");
        foreach (var m in intentMisses.Concat(receiverMisses)) output.WriteLine("  " + m);
        Assert.True(rows.Count >= 200, $"only {rows.Count} questions");
        Assert.True(intentAccuracy >= 0.90 && receiverAccuracy >= 0.95,
            $"intent {intentAccuracy:P1}, receiver {receiverAccuracy:P1}\n" + string.Join("\n", intentMisses.Concat(receiverMisses)));
    }
}
