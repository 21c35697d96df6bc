namespace DeliverabilityBot.Tests.Shared;

/// <summary>Rule files shared by the tests of several projects.</summary>
public static class SampleRuleFiles
{
    /// <summary>
    /// A sound generic rule (5.2.2, mailbox full) whose only example is a 5.1.1: it loads when examples are not run and
    /// is reported (DBR0016) when they are.
    /// </summary>
    public const string WrongExample = """
        family: SMTP
        scope: generic
        rules:
          - id: SMTP0100
            title: Mailbox full
            message: "Mailbox full for {recipient}"
            category: list-hygiene
            severity: info
            priority: 20
            helpUri: https://www.rfc-editor.org/rfc/rfc3463
            references:
              - url: https://www.rfc-editor.org/rfc/rfc3463
                confidence: official
            match:
              status: 5.2.2
            explanation: e
            actions: [a]
            examples: ["550 5.1.1 user unknown"]
        """;
}
