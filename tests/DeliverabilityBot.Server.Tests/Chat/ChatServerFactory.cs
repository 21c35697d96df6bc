using DeliverabilityBot.Core.Queries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Tests.Chat;

/// <summary>The server in memory with its own temporary data folder and prepared history.</summary>
public sealed class ChatServerFactory : WebApplicationFactory<Program>
{
    public StubQueries Queries { get; } = new();

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("dbot-server-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataFolder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IDeliverabilityQueries>(Queries)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
