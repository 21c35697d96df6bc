using System.CommandLine;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
public static class CliOptions
{
    /// <summary><c>--rules DIR</c>: a rules folder on disk instead of the embedded set (also <c>DBOT_RULES</c>); recursive.</summary>
    public static Option<string?> Rules { get; } = new("--rules")
    {
        Description = "Rules folder to use instead of the embedded rule set (default: $DBOT_RULES, else embedded).",
        Recursive = true,
    };

    /// <summary><c>--store URL</c>: the history in a PostgreSQL database instead of the data folder's SQLite file (also <c>DBOT_STORE</c>); recursive.</summary>
    public static Option<string?> Store { get; } = new("--store")
    {
        Description = "History database shared by several instances, e.g. postgres://dbot:secret@db:5432/dbot (default: $DBOT_STORE, else SQLite in the data folder).",
        Recursive = true,
    };

    /// <summary><c>--format text|sarif</c> for the rules tooling.</summary>
    public static Option<string> Format() => new Option<string>("--format")
    {
        Description = "Output format: text (compiler style) or sarif (SARIF 2.1.0 JSON).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "sarif");

    /// <summary><c>--config FILE</c>: deployment severity overrides (<c>rule.&lt;ID&gt;.severity = ...</c>).</summary>
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "Deployment config with severity overrides (default: ./dbot.config when present).",
        Recursive = true,
    };
}
