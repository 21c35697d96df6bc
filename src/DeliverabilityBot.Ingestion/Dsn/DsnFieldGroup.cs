namespace DeliverabilityBot.Ingestion.Dsn;

/// <summary>
/// One group of RFC 3464 fields (the per-message group or one per-recipient group), names case-insensitive,
/// folded lines unfolded, raw ISO-2022-JP decoded. The first occurrence of a field wins, as RFC 3464 allows each field once per group.
/// </summary>
public sealed class DsnFieldGroup
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a field unless already present.</summary>
    public void Add(string name, string value) => _fields.TryAdd(name.Trim(), Iso2022JpEscapes.Decode(value.Trim()));

    /// <summary>The field's value, or null.</summary>
    public string? this[string name] => _fields.GetValueOrDefault(name);

    /// <summary>True when the group has no fields.</summary>
    public bool IsEmpty => _fields.Count == 0;

    /// <summary>True when this is a per-recipient group (it names a final or original recipient).</summary>
    public bool IsRecipientGroup => _fields.ContainsKey("Final-Recipient") || _fields.ContainsKey("Original-Recipient");

    /// <summary>
    /// Adds a field to <paramref name="current"/>, the group being read, and returns the group being read afterwards:
    /// a new one holding the field when it starts the next recipient's group (<see cref="StartsNextRecipient"/>), after
    /// <paramref name="current"/> is added to <paramref name="groups"/>; else <paramref name="current"/>.
    /// </summary>
    public static DsnFieldGroup AddField(List<DsnFieldGroup> groups, DsnFieldGroup current, string name, string value)
    {
        if (current.StartsNextRecipient(name))
        {
            groups.Add(current);
            current = new DsnFieldGroup();
        }
        current.Add(name, value);
        return current;
    }

    /// <summary>
    /// True when <paramref name="name"/> is a recipient field this group already holds: the next recipient's group
    /// begins there. Some MTAs (AOL's, for one) write the recipient groups with no blank line between them.
    /// </summary>
    public bool StartsNextRecipient(string name)
    {
        var n = name.Trim();
        return (n.Equals("Final-Recipient", StringComparison.OrdinalIgnoreCase) || n.Equals("Original-Recipient", StringComparison.OrdinalIgnoreCase))
            && _fields.ContainsKey(n);
    }

    /// <summary>The value after the address-type prefix (<c>rfc822; a@b</c> -> <c>a@b</c>), or null.</summary>
    public string? Typed(string name)
    {
        var v = this[name];
        if (v is null) return null;
        var semi = v.IndexOf(';');
        return (semi >= 0 ? v[(semi + 1)..] : v).Trim();
    }
}
