namespace DeliverabilityBot.Rules.Diagnosis.Model;

/// <summary>A threshold on one metric: <c>signalRate: {min: 0.05}</c>. Both bounds are inclusive.</summary>
/// <param name="Metric">A name from <see cref="Facts.Metrics"/>.</param>
/// <param name="Min">Lower bound, or null.</param>
/// <param name="Max">Upper bound, or null.</param>
public sealed record MetricCondition(string Metric, double? Min, double? Max)
{
    /// <summary>True when <paramref name="value"/> is within the bounds.</summary>
    public bool Holds(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <inheritdoc />
    public override string ToString() => (Min, Max) switch
    {
        ({ } lo, { } hi) => $"{lo.ToString(System.Globalization.CultureInfo.InvariantCulture)} <= {Metric} <= {hi.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ({ } lo, null) => $"{Metric} >= {lo.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        (null, { } hi) => $"{Metric} <= {hi.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ => Metric,
    };
}
