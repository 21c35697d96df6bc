using static DeliverabilityBot.Rules.Diagnostics.DiagnosticLevel;

namespace DeliverabilityBot.Rules.Diagnostics;

/// <summary>
/// Every diagnostic the rules tooling reports. Ids are stable and never reused; each is documented in
/// <c>rules/DIAGNOSTICS.md</c> (a test keeps the two in step). 00xx: loading and validation; 01xx: lint;
/// 02xx: fixtures; 03xx: deployment configuration.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>DBR0001.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new("DBR0001", "YAML syntax error", Error, "Fix the YAML at the position shown (indentation, quotes, a missing ':').");
    /// <summary>DBR0002.</summary>
    public static readonly DiagnosticDescriptor Unreadable = new("DBR0002", "File cannot be read as a rule file", Error, "Rule files are UTF-8 text below the size limit; split or fix the file.");
    /// <summary>DBR0003.</summary>
    public static readonly DiagnosticDescriptor DocumentShape = new("DBR0003", "Unsupported document shape", Error, "A rule file is one YAML document whose root is a mapping, without anchors, aliases or tags.");
    /// <summary>DBR0004.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("DBR0004", "Unknown key", Error, "Use one of the keys documented in rules/README.md; the message suggests the nearest one.");
    /// <summary>DBR0005.</summary>
    public static readonly DiagnosticDescriptor WrongType = new("DBR0005", "Value has the wrong type", Error, "Give the value the documented shape (a string, a number, true/false, a list or a mapping).");
    /// <summary>DBR0006.</summary>
    public static readonly DiagnosticDescriptor MissingField = new("DBR0006", "Required field missing", Error, "Add the field; rules/README.md lists which are required.");
    /// <summary>DBR0007.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = new("DBR0007", "Duplicate rule id", Error, "Ids are unique across all files and never reused: take the next free id of the family.");
    /// <summary>DBR0008.</summary>
    public static readonly DiagnosticDescriptor InvalidId = new("DBR0008", "Rule id does not fit its file's family", Error, "An id is the file's family prefix and four digits, e.g. ICL1001 in a file with family ICL.");
    /// <summary>DBR0009.</summary>
    public static readonly DiagnosticDescriptor UnknownReason = new("DBR0009", "Unknown reason", Error, "Use one of Sisimai's 34 reason names (rules/README.md).");
    /// <summary>DBR0010.</summary>
    public static readonly DiagnosticDescriptor UnknownReceiver = new("DBR0010", "Unknown receiver", Error, "Use a receiver id that a receiver: block in rules/receivers or rules/filters declares (icloud, gmail, cox, ...), or add the block: the loaded registry is the only list of receivers.");
    /// <summary>DBR0011.</summary>
    public static readonly DiagnosticDescriptor UnknownFilter = new("DBR0011", "Unknown filter", Error, "Use a filter id from the shared vocabulary (proofpoint, cloudmark, spamhaus, ...).");
    /// <summary>DBR0012.</summary>
    public static readonly DiagnosticDescriptor UnknownCategory = new("DBR0012", "Unknown category", Error, "Use a diagnosis category (authentication, reputation, volume, content-policy, ...).");
    /// <summary>DBR0013.</summary>
    public static readonly DiagnosticDescriptor UnknownSeverity = new("DBR0013", "Unknown severity", Error, "Use error, warning or info.");
    /// <summary>DBR0014.</summary>
    public static readonly DiagnosticDescriptor UnknownEnumValue = new("DBR0014", "Unknown scope, stage, action, kind or format", Error, "Use one of the values the message lists.");
    /// <summary>DBR0015.</summary>
    public static readonly DiagnosticDescriptor InvalidRegex = new("DBR0015", "Invalid regular expression", Error, "Fix the .NET regex; it runs on the non-backtracking engine, case-insensitively, with a match timeout.");
    /// <summary>DBR0016.</summary>
    public static readonly DiagnosticDescriptor ExampleDoesNotMatch = new("DBR0016", "Example does not match its rule", Error, "Either the example is not what the rule was written from, or the match is too narrow.");
    /// <summary>DBR0017.</summary>
    public static readonly DiagnosticDescriptor CounterExampleMatches = new("DBR0017", "Counter-example matches its rule", Error, "Narrow the match so the near miss no longer matches, or drop the counter-example.");
    /// <summary>DBR0018.</summary>
    public static readonly DiagnosticDescriptor NoExamples = new("DBR0018", "Rule without examples", Error, "List at least one real reply the rule was written from under examples.");
    /// <summary>DBR0019.</summary>
    public static readonly DiagnosticDescriptor InvalidReference = new("DBR0019", "Missing or invalid reference", Error, "Give helpUri and at least one reference as absolute http(s) URLs.");
    /// <summary>DBR0020.</summary>
    public static readonly DiagnosticDescriptor ReferenceWithoutConfidence = new("DBR0020", "Reference without confidence", Warning, "Add confidence: official, observed or secondary to the reference.");
    /// <summary>DBR0021.</summary>
    public static readonly DiagnosticDescriptor InvalidConfidence = new("DBR0021", "Invalid confidence", Error, "Use official, observed or secondary; unconfirmed facts are never stated as fact.");
    /// <summary>DBR0022.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new("DBR0022", "Duplicate key", Error, "A key appears twice in one mapping; keep one.");
    /// <summary>DBR0023.</summary>
    public static readonly DiagnosticDescriptor InvalidPattern = new("DBR0023", "Invalid code, status, domain or host pattern", Error, "Codes look like 554 or 5xx, statuses like 5.7.1 or 4.7.*, globs like *.pphosted.com.");
    /// <summary>DBR0024.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = new("DBR0024", "Value out of range", Error, "priority is 0 to 1000.");
    /// <summary>DBR0025.</summary>
    public static readonly DiagnosticDescriptor InvalidFamily = new("DBR0025", "Invalid family", Error, "family is 2 to 5 upper-case letters, e.g. ICL.");
    /// <summary>DBR0026.</summary>
    public static readonly DiagnosticDescriptor UnknownPlaceholder = new("DBR0026", "Unknown placeholder in message", Warning, "Use {recipient}, {domain}, {receiver}, {host}, {code}, {status}, {ip} or a named group of the rule's regex.");
    /// <summary>DBR0027.</summary>
    public static readonly DiagnosticDescriptor NoRules = new("DBR0027", "File has no rules", Warning, "Add rules, or delete the file.");
    /// <summary>DBR0028.</summary>
    public static readonly DiagnosticDescriptor RegexTimeout = new("DBR0028", "Regex timed out while matching", Warning, "The rule's regex ran past the match timeout on some reply; the rule did not match that event and the timeout was counted. Simplify the pattern.");
    /// <summary>DBR0029.</summary>
    public static readonly DiagnosticDescriptor EmptyCondition = new("DBR0029", "Empty condition", Error, "A match, all or any needs at least one condition.");
    /// <summary>DBR0030.</summary>
    public static readonly DiagnosticDescriptor AmbiguousAttribution = new("DBR0030", "Domain or host claimed by two receivers", Warning, "A recipient domain or host glob belongs in one file's receiver block.");
    /// <summary>DBR0031.</summary>
    public static readonly DiagnosticDescriptor UnknownPattern = new("DBR0031", "Unknown or badly named shared pattern", Error, "A regex uses (?&name) for a pattern the file's 'patterns:' does not define, or a pattern's name is not a letter then letters or digits; define it or fix the name.");
    /// <summary>DBR0032.</summary>
    public static readonly DiagnosticDescriptor UnusedPattern = new("DBR0032", "Unused shared pattern", Warning, "No rule's regex uses this pattern; use it as (?&name) or delete it.");
    /// <summary>DBR0033.</summary>
    public static readonly DiagnosticDescriptor UnknownCause = new("DBR0033", "Unknown diagnosis in causedBy", Error, "causedBy lists diagnosis rule ids (DIAG1002) or globs (DIAG10*) that exist; a rule cannot be caused by itself.");
    /// <summary>DBR0034.</summary>
    public static readonly DiagnosticDescriptor RegexNeedsBacktracking = new("DBR0034", "Regex needs backtracking", Error, "Rule regexes run on the non-backtracking engine, which has no backreferences, lookarounds, atomic groups or conditionals; the message names the construct and a rewrite.");
    /// <summary>DBR0035.</summary>
    public static readonly DiagnosticDescriptor ExampleTimedOut = new("DBR0035", "Regex timed out on an example", Error, "The rule's regex ran past the match timeout on its own example or counter-example, so what it does on that reply is unknown; simplify the pattern.");

    /// <summary>DBR0036.</summary>
    public static readonly DiagnosticDescriptor InvalidReceiverEntry = new("DBR0036", "Invalid receiver or filter block entry", Error, "A contact has a kind (postmaster, sender-support, delisting, lookup, email), an http(s) or mailto: url, an http(s) source and a confidence; names, typos and markers are at least two characters; fuzzy names are also listed under names.");
    /// <summary>DBR0037.</summary>
    public static readonly DiagnosticDescriptor UnknownSharedAction = new("DBR0037", "Unknown or badly named shared action", Error, "A rule's actions say 'use: name' for a step the file's 'sharedActions:' does not define, or a shared action's name is not a letter then letters, digits or '-'; define it or fix the name.");
    /// <summary>DBR0038.</summary>
    public static readonly DiagnosticDescriptor UnusedSharedAction = new("DBR0038", "Unused shared action", Warning, "No rule's actions use this shared action; use it as 'use: name' or delete it.");

    /// <summary>DBR0039.</summary>
    public static readonly DiagnosticDescriptor InvalidReceiverId = new("DBR0039", "Malformed receiver id", Error, "A receiver id is lower-case letters and digits starting with a letter (icloud, tonline, mailboxorg), in a receiver: block, a rule's receiver conclusion and a receiver condition.");

    /// <summary>DBR0101.</summary>
    public static readonly DiagnosticDescriptor ConflictingConclusions = new("DBR0101", "Rules conclude differently on the same example", Warning, "Two rules of equal priority match one example but conclude a different reason, receiver, filter, retryable or hardBounce; set priorities or narrow one.");
    /// <summary>DBR0102.</summary>
    public static readonly DiagnosticDescriptor ShadowedRule = new("DBR0102", "Rule fully shadowed", Warning, "Every example of the rule is matched by a higher-priority rule that concludes the same or more; it never decides anything.");
    /// <summary>DBR0103.</summary>
    public static readonly DiagnosticDescriptor DuplicatePattern = new("DBR0103", "Duplicate pattern", Warning, "Two rules have the same match; merge them or make one narrower.");
    /// <summary>DBR0104.</summary>
    public static readonly DiagnosticDescriptor RegexCouldBeContains = new("DBR0104", "Regex could be contains", Info, "The regex has no metacharacters: write it as contains, which is faster and easier to read.");
    /// <summary>DBR0105.</summary>
    public static readonly DiagnosticDescriptor IdOutOfRange = new("DBR0105", "Id outside its family's range", Error, "Take an id inside the family's range in rules/ID-RANGES.md.");
    /// <summary>DBR0106.</summary>
    public static readonly DiagnosticDescriptor MissingFromLedger = new("DBR0106", "Id missing from the release ledger", Error, "Add the id to rules/RELEASES.md under Unshipped.");
    /// <summary>DBR0107.</summary>
    public static readonly DiagnosticDescriptor LedgerMismatch = new("DBR0107", "Release ledger out of step", Warning, "The ledger lists an id no rule has (mark it removed: ids are never reused, or restore the rule), or lists an id as new twice (later entries say changed).");
    /// <summary>DBR0108.</summary>
    public static readonly DiagnosticDescriptor LedgerUnreadable = new("DBR0108", "Release ledger or id ranges missing or malformed", Error, "Keep rules/RELEASES.md and rules/ID-RANGES.md in their documented table format.");
    /// <summary>DBR0110.</summary>
    public static readonly DiagnosticDescriptor IncompleteRegistryEntry = new("DBR0110", "Receiver or filter block incomplete", Warning, "A receiver or filter block gives a displayName, the names people type, contacts with their source, and (a receiver) its domains or hosts, so chat recognises it and answers name it.");
    /// <summary>DBR0111.</summary>
    public static readonly DiagnosticDescriptor RegistryClash = new("DBR0111", "Name claimed by two receivers or filters", Error, "A name, typo or marker in a receiver or filter block, or a display name, belongs to one id: chat could not tell which one a person means.");
    /// <summary>DBR0109.</summary>
    public static readonly DiagnosticDescriptor SuppressAdviceWithoutMailboxEvidence = new("DBR0109", "Advice to remove the recipient without mailbox evidence", Error, "A rule with hardBounce: true, a mailbox reason or an action to suppress, remove or stop mailing the address must match only replies about the mailbox: exclude sender, IP and policy wording, and give examples with an X.1.x / X.2.x status or recipient wording.");

    /// <summary>DBR0201.</summary>
    public static readonly DiagnosticDescriptor FixtureFailed = new("DBR0201", "Fixture expectation not met", Error, "The message shows expected against actual; fix the rule or the expectation.");
    /// <summary>DBR0202.</summary>
    public static readonly DiagnosticDescriptor NoPositiveFixture = new("DBR0202", "Rule without a positive fixture", Error, "Add a fixture under tests/fixtures whose expectation lists the rule id.");
    /// <summary>DBR0203.</summary>
    public static readonly DiagnosticDescriptor NoNegativeFixture = new("DBR0203", "Rule without a near-miss negative", Warning, "Add a fixture that lists the rule id under mustNotFire.");
    /// <summary>DBR0204.</summary>
    public static readonly DiagnosticDescriptor InvalidFixture = new("DBR0204", "Invalid fixture", Error, "A fixture is an input file plus a sibling <name>.expect.yaml in the documented format.");
    /// <summary>DBR0205.</summary>
    public static readonly DiagnosticDescriptor FixtureUnknownRule = new("DBR0205", "Fixture names an unknown rule", Error, "Use the id of a loaded rule.");

    /// <summary>DBR0301.</summary>
    public static readonly DiagnosticDescriptor InvalidOverride = new("DBR0301", "Invalid severity override", Error, "Write rule.<ID>.severity = error|warning|info|none, one per line.");
    /// <summary>DBR0302.</summary>
    public static readonly DiagnosticDescriptor OverrideUnknownId = new("DBR0302", "Severity override names an unknown id", Warning, "Check the id; overrides for ids no rule has have no effect.");

    /// <summary>Every descriptor, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();

    /// <summary>A descriptor by id, or null.</summary>
    public static DiagnosticDescriptor? Find(string id) => All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
