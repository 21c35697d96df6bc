namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>Marks a <see cref="SignalFact"/> property as a metric rules may test and quote (camelCase name).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MetricAttribute(string description, MetricFormat format) : Attribute
{
    /// <summary>What it measures, for docs and <c>--explain</c>.</summary>
    public string Description { get; } = description;

    /// <summary>How it is shown.</summary>
    public MetricFormat Format { get; } = format;
}

/// <summary>How a metric is shown to people.</summary>
public enum MetricFormat
{
    /// <summary>A whole number with thousands separators.</summary>
    Count,

    /// <summary>A fraction shown as a percentage.</summary>
    Rate,

    /// <summary>A plain number with one decimal.</summary>
    Number,
}
