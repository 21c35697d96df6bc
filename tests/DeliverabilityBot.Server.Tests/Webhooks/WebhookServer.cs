using DeliverabilityBot.Application;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>The real server in memory with its own data folder and the given <c>Webhooks:*</c> settings.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly bool _ownsFolder;
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="settings">Configuration settings.</param>
    /// <param name="services">Test service replacements.</param>
    /// <param name="folder">A folder to share with another server (a restart): kept on dispose; null for a fresh one, deleted.</param>
    public WebhookServer(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null, DirectoryInfo? folder = null)
    {
        _ownsFolder = folder is null;
        _folder = folder ?? Directory.CreateTempSubdirectory("dbot-webhooks-");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("data", Path.Combine(_folder.FullName, "data"));
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureTestServices(services);
        });
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public DeliverabilityBotRuntime Runtime => _factory.Services.GetRequiredService<DeliverabilityBotRuntime>();

    public IServiceProvider Services => _factory.Services;

    /// <summary>Waits until the store holds <paramref name="count"/> events (the writer runs in the background), then a little more to catch extras.</summary>
    public async Task<long> WaitForEventsAsync(long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Runtime.Store.Reader.EventCount() < count && DateTime.UtcNow < deadline) await Task.Delay(25);
        // Anything queued after the awaited events would be committed by now: the writer takes the queue in order.
        await Task.Delay(200);
        return Runtime.Store.Reader.EventCount();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
            try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}
