namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>How many expected bounces agreed on one field.</summary>
/// <param name="Field">The field name.</param>
/// <param name="Agreed">Bounces that agreed.</param>
/// <param name="Total">Expected bounces (a bounce not found counts as a disagreement).</param>
public sealed record FieldAgreement(string Field, int Agreed, int Total)
{
    /// <summary>The agreement as a fraction (1 when there is nothing to compare).</summary>
    public double Rate => Total == 0 ? 1 : (double)Agreed / Total;
}
