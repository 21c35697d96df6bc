using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Server.Tests.Chat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.RuleReload;

/// <summary><c>/healthz/rules</c> reports the active rule set and a rejected reload's diagnostics; chat keeps answering.</summary>
public class RuleHealthEndpointTests
{
    [Fact]
    public async Task HealthzRules_AfterBadEdit_DegradedWithDiagnosticsAndChatStillAnswers()
    {
        using var folder = new RulesFolderCopy();
        using var factory = new ChatServerFactory().WithWebHostBuilder(b => b.UseSetting("rules", folder.Path));
        var client = factory.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/healthz/rules");
        Assert.Equal("Healthy", before.GetProperty("status").GetString());
        Assert.Equal(5, before.GetProperty("active").GetProperty("rules").GetInt32());
        Assert.True(before.GetProperty("active").GetProperty("watched").GetBoolean());

        var rules = factory.Services.GetRequiredService<HotRuleSet>();
        var reloaded = new TaskCompletionSource<ReloadOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        rules.Reloaded += o => reloaded.TrySetResult(o);
        var chats = Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/api/chat", new { conversationId = $"c{i}", text = "why is icloud deferring us?" })).ToArray();
        File.WriteAllText(folder.ICloud, "family: ICL\nrules: [\n");
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var after = await client.GetFromJsonAsync<JsonElement>("/healthz/rules");
        Assert.Equal("Degraded", after.GetProperty("status").GetString());
        Assert.Equal(1, after.GetProperty("active").GetProperty("version").GetInt32());
        var diagnostics = after.GetProperty("lastReload").GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Contains(diagnostics, d => d.Contains("icloud.yaml", StringComparison.Ordinal));
        Assert.All(await Task.WhenAll(chats), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
