namespace DeliverabilityBot.Rules.Diagnostics;

/// <summary>A diagnostic kind, like a Roslyn <c>DiagnosticDescriptor</c>: stable id, title, default level, help.</summary>
/// <param name="Id">Stable id, <c>DBR</c> and four digits.</param>
/// <param name="Title">Short description (SARIF <c>shortDescription</c>).</param>
/// <param name="DefaultLevel">The level unless a deployment overrides it.</param>
/// <param name="Fix">How to fix it (shown in the docs table and SARIF <c>fullDescription</c>).</param>
public sealed record DiagnosticDescriptor(string Id, string Title, DiagnosticLevel DefaultLevel, string Fix)
{
    /// <summary>Where the id is documented.</summary>
    public string HelpUri => $"rules/DIAGNOSTICS.md#{Id.ToLowerInvariant()}";
}
