using System.Reflection;

namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>The metrics diagnosis rules may test and quote: every <see cref="MetricAttribute"/> property of <see cref="SignalFact"/>.</summary>
public static class Metrics
{
    /// <summary>A metric: its YAML name, property, description and format.</summary>
    public sealed record Metric(string Name, PropertyInfo Property, string Description, MetricFormat Format)
    {
        /// <summary>The metric's value on a fact.</summary>
        public double ValueOf(SignalFact fact) => (double)Property.GetValue(fact)!;
    }

    /// <summary>Every metric by camelCase name.</summary>
    public static IReadOnlyDictionary<string, Metric> ByName { get; } = typeof(SignalFact).GetProperties()
        .Select(p => (p, a: p.GetCustomAttribute<MetricAttribute>()))
        .Where(x => x.a is not null)
        .ToDictionary(x => char.ToLowerInvariant(x.p.Name[0]) + x.p.Name[1..], x => new Metric(char.ToLowerInvariant(x.p.Name[0]) + x.p.Name[1..], x.p, x.a!.Description, x.a.Format), StringComparer.Ordinal);

    /// <summary>Formats a metric value for people: <c>1,234</c>, <c>31.0%</c>, <c>2.5</c>.</summary>
    public static string Format(double value, MetricFormat format) => format switch
    {
        MetricFormat.Count => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        MetricFormat.Rate => (value * 100).ToString(Math.Abs(value) < 0.001 && value != 0 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
    };
}
