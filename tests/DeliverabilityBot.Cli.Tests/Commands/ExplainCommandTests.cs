using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

public class ExplainCommandTests
{
    private const string Cs01 = "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137";

    [Fact]
    public void Explain_Cs01WithRulesFolder_NamesReceiverPermanenceRuleAndActions()
    {
        var r = DbotProcess.Run(null, "explain", "--rules", DbotProcess.TestRules, "--to", "someone@icloud.com", Cs01);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("iCloud", r.Out);
        Assert.Contains("permanent", r.Out);
        Assert.Contains("ICL1001", r.Out);
        Assert.Contains("Do not suppress the recipient.", r.Out);
        Assert.Contains("https://support.apple.com/en-us/102322", r.Out);
        Assert.DoesNotContain("\u001b[", r.Out);
    }

    [Fact]
    public void Explain_Json_FollowsTheContract()
    {
        var r = DbotProcess.Run(null, "explain", "--json", "--rules", DbotProcess.TestRules, "--to", "someone@icloud.com", Cs01);

        var line = Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var o = doc.RootElement;
        Assert.Equal("icloud", o.GetProperty("receiver").GetString());
        Assert.Equal("policyviolation", o.GetProperty("reason").GetString());
        Assert.Equal(554, o.GetProperty("replyCode").GetInt32());
        Assert.Equal("5.7.1", o.GetProperty("status").GetString());
        Assert.False(o.GetProperty("retryable").GetBoolean());
        Assert.Equal("ICL1001", o.GetProperty("rules")[0].GetProperty("id").GetString());
        Assert.Equal("receiver", o.GetProperty("rules")[0].GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("timestamp").ValueKind);
        foreach (var field in new[] { "source", "index", "recipient", "domain", "filter", "hardBounce", "action", "diagnostic", "explanation", "actions", "references" })
            Assert.True(o.TryGetProperty(field, out _), field);
    }

    [Fact]
    public void Explain_Stdin_ReadsTheText()
    {
        var r = DbotProcess.Run(Cs01, "explain", "--json", "--rules", DbotProcess.TestRules, "--to", "icloud.com", "-");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"ICL1001\"", r.Out);
        Assert.Contains("\"source\":\"-\"", r.Out);
    }

    [Fact]
    public void Explain_EnvironmentRulesFolder_IsUsed()
    {
        var r = DbotProcess.Run(null, new Dictionary<string, string?> { ["DBOT_RULES"] = DbotProcess.TestRules }, "explain", "--json", "--to", "me.com", Cs01);

        Assert.Contains("\"ICL1001\"", r.Out);
    }

    [Fact]
    public void Explain_NoText_ExitsWithUsageError()
    {
        var r = DbotProcess.Run(null, "explain");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give the bounce text", r.Err);
    }

    [Fact]
    public void Explain_MissingRulesFolder_ClearErrorNotCrash()
    {
        var r = DbotProcess.Run(null, "explain", "--rules", "/nonexistent/rules", Cs01);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not exist", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
    }

    [Fact]
    public void Explain_EmbeddedRules_WorksFromAnyFolder()
    {
        var r = DbotProcess.Run(null, "explain", "--to", "someone@icloud.com", Cs01);

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("Exception", r.Err);
    }

    [Fact]
    public void Explain_RuleWithWrongExample_StillExplainsWhileValidateReportsTheExample()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dbot-explain-examples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // The example is a 5.1.1, the rule matches 5.2.2: examples are an authoring check (rules validate/test),
            // not something every explain re-runs at start-up.
            File.WriteAllText(Path.Combine(folder, "full.yaml"), SampleRuleFiles.WrongExample);

            var explain = DbotProcess.Run(null, "explain", "--rules", folder, "--to", "someone@example.org", "552 5.2.2 mailbox full");
            var validate = DbotProcess.Run(null, "rules", "validate", folder);

            Assert.Equal(0, explain.ExitCode);
            Assert.Contains("SMTP0100", explain.Out);
            Assert.DoesNotContain("DBR0016", explain.Err);
            Assert.NotEqual(0, validate.ExitCode);
            Assert.Contains("DBR0016", validate.Out + validate.Err);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
