namespace DeliverabilityBot.Core.Checks;

/// <summary>The results of a checks run, or why nothing could be checked.</summary>
public sealed record CheckReport
{
    /// <summary>What was asked.</summary>
    public required CheckRequest Request { get; init; }

    /// <summary>One result per check run, in the order of <see cref="CheckKind"/> then subject.</summary>
    public IReadOnlyList<CheckResult> Results { get; init; } = [];

    /// <summary>When nothing could be checked, why ("checks are disabled (Checks:Enabled is false)"); null otherwise.</summary>
    public string? CannotCheck { get; init; }

    /// <summary>When the run was made.</summary>
    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>The results of one kind.</summary>
    public IEnumerable<CheckResult> Of(CheckKind kind) => Results.Where(r => r.Kind == kind);

    /// <summary>A report that checked nothing, saying why.</summary>
    public static CheckReport Unavailable(CheckRequest request, string reason, DateTimeOffset at) =>
        new() { Request = request, CannotCheck = reason, CheckedAt = at };
}
