using System.Net;
using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Brevo's webhooks: no signature exists; Brevo documents Basic credentials in the URL, a bearer token and an
/// allow-list of its networks. Each one configured must hold (credentials and, when listed, the caller's network);
/// with only networks, the caller's address must be the provider's own (behind a proxy, the server must see the
/// client address). A replay is an event already taken (Brevo's <c>id</c> is the webhook's, so events are keyed by
/// message id, event, time and recipient).
/// </summary>
public sealed class BrevoWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "Brevo";

    private readonly BrevoWebhookOptions _options;
    private readonly IReadOnlyList<IPNetwork> _networks;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public BrevoWebhook(BrevoWebhookOptions options)
    {
        var basic = !string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (basic && string.IsNullOrEmpty(options.Username)) throw WebhookSettings.Wrong(Section, "Username", "is missing while Password is set");
        if (basic && (string.IsNullOrEmpty(options.Password) || options.Password.Length < 16)) throw WebhookSettings.Wrong(Section, "Password", "is missing or shorter than 16 characters");
        if (options.BearerToken is { Length: > 0 and < 16 }) throw WebhookSettings.Wrong(Section, "BearerToken", "is shorter than 16 characters");
        _networks = WebhookCredentials.Networks(options.AllowedNetworks, Section, "AllowedNetworks");
        if (!basic && string.IsNullOrEmpty(options.BearerToken) && _networks.Count == 0)
            throw WebhookSettings.Wrong(Section, "Username", "and Password, or BearerToken, or AllowedNetworks, are required: Brevo signs nothing");
        _options = options;
    }

    /// <inheritdoc />
    public string Name => BrevoEvents.Provider;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Header("Authorization");
        if (_networks.Count > 0 && !WebhookCredentials.IsFrom(request.RemoteIp, _networks)) return Task.FromResult(WebhookVerdict.Refuse(403, $"caller {request.RemoteIp} is not in AllowedNetworks"));
        if (_options.Username is { Length: > 0 } user && !WebhookCredentials.IsBasic(authorization, user, _options.Password!)
            && !(_options.BearerToken is { Length: > 0 } t && WebhookCredentials.IsBearer(authorization, t)))
            return Task.FromResult(WebhookVerdict.Refuse(401, "credentials missing or wrong"));
        if (string.IsNullOrEmpty(_options.Username) && _options.BearerToken is { Length: > 0 } token && !WebhookCredentials.IsBearer(authorization, token))
            return Task.FromResult(WebhookVerdict.Refuse(401, "bearer token missing or wrong"));
        try
        {
            return Task.FromResult(WebhookVerdict.Accept(BrevoEvents.Read(request.Body), null));
        }
        catch (EspPayloadException ex)
        {
            return Task.FromResult(WebhookVerdict.Refuse(400, ex.Message));
        }
    }
}
