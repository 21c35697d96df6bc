using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Store.Tests.Reading;

public class StoreReaderTests
{
    /// <summary>The database the tests run on; <see cref="PostgresStoreReaderTests"/> runs them all again on PostgreSQL.</summary>
    protected virtual StoreBackend Backend => StoreBackend.Sqlite;

    private TempStore NewStore(int batchSize = 1000) => new(batchSize, Backend);

    [SkippableTheory]
    [InlineData(0, 180)]       // aligned: rollups only
    [InlineData(17, 163)]      // ragged both ends
    [InlineData(5, 40)]        // less than an hour: events only
    [InlineData(-300, 1000)]   // wider than the data
    public void Slices_AnyWindow_CountsEqualEventsInWindow(int fromMinute, int toMinute)
    {
        using var t = NewStore();
        using (var w = t.Store.CreateWriter())
            for (var i = 0; i < 240; i++)
                w.Add(TempStore.Event(i * 0.75, (DeliveryAction)(i % 3), recipient: $"u{i % 7}@icloud.com"));
        var window = new TimeWindow(TempStore.T0.AddMinutes(fromMinute), TempStore.T0.AddMinutes(toMinute));
        var expected = Enumerable.Range(0, 240).Count(i => i * 0.75 >= Math.Ceiling(fromMinute * 1.0) && TempStore.T0.AddMinutes(i * 0.75) < window.To && TempStore.T0.AddMinutes(i * 0.75) >= window.From);
        var slices = t.Store.Reader.Slices(window, "icloud");
        Assert.Equal(expected, slices.Sum(s => s.Count));
        Assert.Equal(expected, t.Store.Reader.Hourly(window, null).Sum(h => h.Count));
    }

    [SkippableFact]
    public void Slices_UnknownReceiver_Empty()
    {
        using var t = NewStore();
        using (var w = t.Store.CreateWriter()) w.Add(TempStore.Event(1));
        Assert.Empty(t.Store.Reader.Slices(new TimeWindow(TempStore.T0, TempStore.T0.AddHours(1)), "gmail"));
    }

    [SkippableFact]
    public void Examples_ForRule_NewestFirstWithDistinctRepliesFirst()
    {
        using var t = NewStore();
        using (var w = t.Store.CreateWriter())
        {
            for (var i = 0; i < 20; i++) w.Add(TempStore.Event(i, reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(15.5, reply: "421 4.7.0 Deferred by policy", recipient: "b@icloud.com"));
            w.Add(TempStore.Event(30, DeliveryAction.Failed, reply: "550 5.1.1 user does not exist", rules: ["ICL1012"]));
        }
        var window = new TimeWindow(TempStore.T0, TempStore.T0.AddHours(2));
        var examples = t.Store.Reader.ExamplesForRule(window, "icloud", "icl1022", 3);
        Assert.Equal(3, examples.Count);
        Assert.All(examples, e => Assert.Contains("ICL1022", e.RuleIds));
        Assert.Contains(examples, e => e.Reply == "421 4.7.0 Deferred by policy");
        Assert.True(examples[0].Timestamp >= examples[1].Timestamp && examples[1].Timestamp >= examples[2].Timestamp);
        Assert.Empty(t.Store.Reader.ExamplesForRule(window, "icloud", "GML1001", 3));
    }

    [SkippableFact]
    public void ExpiryCauses_ExpiryAfterDeferrals_NamesTheLastDeferral()
    {
        using var t = NewStore();
        using (var w = t.Store.CreateWriter())
        {
            w.Add(TempStore.Event(0, messageId: "Q1", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(30, messageId: "Q1", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(60, DeliveryAction.Failed, messageId: "Q1", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired"));
            w.Add(TempStore.Event(61, DeliveryAction.Failed, messageId: "Q2", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired"));
        }
        var window = new TimeWindow(TempStore.T0, TempStore.T0.AddHours(2));
        var sets = t.Store.Reader.RuleSetsContaining("SND1001");
        var causes = t.Store.Reader.ExpiryCauses(window, "icloud", sets);
        Assert.Equal(1, causes.Expired);
        Assert.Equal("421 4.7.0 Deferred", causes.TopCauseReply);
        Assert.Equal("ICL1022", causes.TopCauseRuleSet);
    }

    [SkippableFact]
    public void ExpiryCauses_DeferralOlderThanQueueLifetime_NotTheCause()
    {
        using var t = NewStore();
        var lookback = Store.Reading.StoreReader.ExpiryLookback.TotalMinutes;
        using (var w = t.Store.CreateWriter())
        {
            // Q1: its only deferral a minute past the lookback before the expiry (another stay in the queue under a reused id).
            w.Add(TempStore.Event(-lookback - 1, messageId: "Q1", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(0, DeliveryAction.Failed, messageId: "Q1", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired"));
            // Q2: deferred just inside the lookback, then once more a day before the expiry: the later one is the cause.
            w.Add(TempStore.Event(-lookback + 1, messageId: "Q2", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(-24 * 60, messageId: "Q2", reply: "421 4.7.1 Messages to a@icloud.com deferred due to excessive volume", rules: ["ICL1009"]));
            w.Add(TempStore.Event(1, DeliveryAction.Failed, messageId: "Q2", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired"));
            // Q3: its only deferral just inside the lookback.
            w.Add(TempStore.Event(-lookback + 2, messageId: "Q3", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(2, DeliveryAction.Failed, messageId: "Q3", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired"));
        }
        var window = new TimeWindow(TempStore.T0, TempStore.T0.AddHours(1));
        var causes = t.Store.Reader.ExpiryCauses(window, "icloud", t.Store.Reader.RuleSetsContaining("SND1001"));
        Assert.Equal(2, causes.Expired);
        // One expiry each after ICL1009 (Q2) and ICL1022 (Q3): the tie goes to the first rule set in ordinal order.
        Assert.Equal(new Store.Reading.ExpiryCauses(2, "ICL1009", "421 4.7.1 Messages to a@icloud.com deferred due to excessive volume", 1), causes);
        var all = t.Store.Reader.ExpiryCauses(window, null, t.Store.Reader.RuleSetsContaining("SND1001"));
        Assert.Equal(2, all.Expired);
    }

    [SkippableFact]
    public void ExpiryCauses_ForAReceiver_CountsOnlyItsOwnExpiries()
    {
        using var t = NewStore();
        using (var w = t.Store.CreateWriter())
        {
            // Q1 expires at iCloud after an iCloud deferral; Q2's expiry is attributed to another receiver (same rule set).
            w.Add(TempStore.Event(0, messageId: "Q1", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(30, DeliveryAction.Failed, messageId: "Q1", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired"));
            w.Add(TempStore.Event(1, messageId: "Q2", reply: "421 4.7.0 Deferred"));
            w.Add(TempStore.Event(31, DeliveryAction.Failed, messageId: "Q2", reply: "554 5.4.7 [internal] message timeout", rules: ["SND1001"], reason: "expired", receiver: "unknown"));
        }
        var window = new TimeWindow(TempStore.T0, TempStore.T0.AddHours(1));
        var sets = t.Store.Reader.RuleSetsContaining("SND1001");
        // iCloud's expiries are one: the share a diagnosis computes (expired after deferral / expired) cannot pass 1.
        Assert.Equal(1, t.Store.Reader.Slices(window, "icloud").Where(s => s.Reason == "expired").Sum(s => s.Count));
        Assert.Equal(new Store.Reading.ExpiryCauses(1, "ICL1022", "421 4.7.0 Deferred", 1), t.Store.Reader.ExpiryCauses(window, "icloud", sets));
        Assert.Equal(2, t.Store.Reader.ExpiryCauses(window, null, sets).Expired);
    }

    [SkippableFact]
    public void Recipients_ConcentratedOnOne_ReportsTopRecipient()
    {
        using var t = NewStore();
        using (var w = t.Store.CreateWriter())
        {
            for (var i = 0; i < 9; i++) w.Add(TempStore.Event(i, recipient: "seed@icloud.com", rules: ["ICL1009"]));
            w.Add(TempStore.Event(10, recipient: "other@icloud.com", rules: ["ICL1009"]));
        }
        var window = new TimeWindow(TempStore.T0, TempStore.T0.AddHours(1));
        var r = t.Store.Reader.Recipients(window, "icloud", t.Store.Reader.RuleSetsContaining("ICL1009"));
        Assert.Equal(new Store.Reading.RecipientConcentration(10, 2, "seed@icloud.com", 9), r);
    }

    [SkippableFact]
    public void LatestEvent_EmptyThenFilled()
    {
        using var t = NewStore();
        Assert.Null(t.Store.Reader.LatestEvent());
        using (var w = t.Store.CreateWriter()) w.Add(TempStore.Event(42));
        Assert.Equal(TempStore.T0.AddMinutes(42), t.Store.Reader.LatestEvent());
    }
}

/// <summary>The same tests on PostgreSQL (skipped where no server can start, failing under CI=true).</summary>
public sealed class PostgresStoreReaderTests : StoreReaderTests
{
    /// <inheritdoc />
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
