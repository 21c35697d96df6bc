using System.Text.Json;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Core.Tests.Diagnosis;

public sealed class TimeWindowTests
{
    private static readonly TimeWindow Day = new(
        new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ToString_AnyWindow_PrintsBoundsWithoutRecursingIntoPrevious()
    {
        Assert.Equal("[2026-12-01T00:00:00.0000000+00:00, 2026-12-02T00:00:00.0000000+00:00)", Day.ToString());
    }

    [Fact]
    public void Previous_Day_IsTheDayBefore()
    {
        Assert.Equal(new TimeWindow(Day.From.AddDays(-1), Day.From), Day.Previous);
    }

    [Fact]
    public void Serialize_AnyWindow_WritesBoundsAndLengthWithoutPrevious()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Day));

        var names = json.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["From", "Length", "To"], names);
        Assert.Equal(Day.From, json.RootElement.GetProperty("From").GetDateTimeOffset());
    }
}
