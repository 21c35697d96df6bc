using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Fixtures;

/// <summary>
/// A rule fixture: an input file (a bare reply, a DSN email or MTA log lines) and its sibling
/// <c>&lt;name&gt;.expect.yaml</c> stating the expected bounce events and findings.
/// </summary>
public sealed class RuleFixture
{
    /// <summary>The expectation file (display path).</summary>
    public required string ExpectPath { get; init; }
    /// <summary>The input file (display path).</summary>
    public required string InputPath { get; init; }
    /// <summary>The input text.</summary>
    public required string Input { get; init; }
    /// <summary>What the fixture is about.</summary>
    public string Description { get; init; } = string.Empty;
    /// <summary>Recipient hint for inputs that name none.</summary>
    public string? To { get; init; }
    /// <summary>Expected failed or delayed events, in order.</summary>
    public required IReadOnlyList<ExpectedEvent> Events { get; init; }
    /// <summary>Ids that must not fire on any event.</summary>
    public IReadOnlyList<string> MustNotFire { get; init; } = [];
    /// <summary>Where <c>mustNotFire</c> is written.</summary>
    public SourceLocation MustNotFireLocation { get; init; }

    /// <summary>A short name: the input path relative to the fixtures folder.</summary>
    public override string ToString() => InputPath;
}

/// <summary>One expected event; each optional field is checked only when present in the file.</summary>
public sealed class ExpectedEvent
{
    /// <summary>Ids that must fire.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
    /// <summary>When true, no other id (generic ones included) may fire.</summary>
    public bool ExactRules { get; init; }
    /// <summary>Scalar fields to check (reason, receiver, filter, retryable, hardBounce, action), as strings; a null value means "must be null".</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();
    /// <summary>The span markup (<c>{|ID:text|}</c>), or null.</summary>
    public string? Span { get; init; }
    /// <summary>Where the entry is written.</summary>
    public SourceLocation Location { get; init; }
}
