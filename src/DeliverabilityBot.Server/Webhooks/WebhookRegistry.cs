namespace DeliverabilityBot.Server.Webhooks;

/// <summary>The configured providers by route name; a name not here answers 404.</summary>
public sealed class WebhookRegistry(IEnumerable<IWebhookProvider> providers)
{
    private readonly Dictionary<string, IWebhookProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured providers' names.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The provider named <paramref name="name"/>, when configured.</summary>
    public IWebhookProvider? Find(string name) => _byName.GetValueOrDefault(name);
}
