namespace DeliverabilityBot.Checks.Dns;

/// <summary>One MX record: preference and exchange host (empty exchange: a null MX, RFC 7505).</summary>
public sealed record MxHost(int Preference, string Exchange)
{
    /// <summary>True for the null MX "0 ." that says the domain accepts no mail.</summary>
    public bool IsNull => Exchange.Length == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Preference} {(IsNull ? "." : Exchange)}";
}
