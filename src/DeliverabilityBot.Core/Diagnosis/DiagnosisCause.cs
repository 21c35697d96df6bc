namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>A link from a consequence to the diagnosis it follows from, in the same report.</summary>
/// <param name="Id">The cause's diagnosis rule id, e.g. <c>DIAG1002</c>.</param>
/// <param name="Scope">The cause's scope, e.g. <c>receiver:icloud</c>.</param>
/// <param name="Title">The cause's title as shown.</param>
public sealed record DiagnosisCause(string Id, string Scope, string Title);
