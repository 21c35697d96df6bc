using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// SparkPost's webhooks: no payload signature exists (webhooks API), so the webhook's <c>auth_type</c> proves the
/// caller: Basic credentials or an OAuth 2 bearer token. A batch whose <c>X-MessageSystems-Batch-ID</c> was taken
/// already is answered 200, as SparkPost asks ("if you receive a batch id you already processed, return 200"), and
/// stored no further; events are deduplicated by <c>event_id</c>.
/// </summary>
public sealed class SparkPostWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "SparkPost";

    private readonly SparkPostWebhookOptions _options;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public SparkPostWebhook(SparkPostWebhookOptions options)
    {
        var basic = !string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (basic && string.IsNullOrEmpty(options.Username)) throw WebhookSettings.Wrong(Section, "Username", "is missing while Password is set");
        if (basic && (string.IsNullOrEmpty(options.Password) || options.Password.Length < 16)) throw WebhookSettings.Wrong(Section, "Password", "is missing or shorter than 16 characters");
        if (options.BearerToken is { Length: > 0 and < 16 }) throw WebhookSettings.Wrong(Section, "BearerToken", "is shorter than 16 characters");
        if (!basic && string.IsNullOrEmpty(options.BearerToken))
            throw WebhookSettings.Wrong(Section, "Username", "and Password (auth_type basic), or BearerToken (auth_type oauth2), are required: SparkPost signs nothing");
        _options = options;
    }

    /// <inheritdoc />
    public string Name => SparkPostEvents.Provider;

    /// <inheritdoc />
    public int ReplayStatus => StatusCodes.Status200OK;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Header("Authorization");
        var ok = (_options.Username is { Length: > 0 } user && WebhookCredentials.IsBasic(authorization, user, _options.Password!))
            || (_options.BearerToken is { Length: > 0 } token && WebhookCredentials.IsBearer(authorization, token));
        if (!ok) return Task.FromResult(WebhookVerdict.Refuse(401, "credentials missing or wrong"));
        try
        {
            var batch = request.Header("X-MessageSystems-Batch-ID");
            return Task.FromResult(WebhookVerdict.Accept(SparkPostEvents.Read(request.Body), batch is { Length: > 0 } ? "sparkpost:batch:" + batch : null));
        }
        catch (EspPayloadException ex)
        {
            return Task.FromResult(WebhookVerdict.Refuse(400, ex.Message));
        }
    }
}
