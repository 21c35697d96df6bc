using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Postmark's webhooks: no signature exists (webhooks overview), so HTTP Basic credentials (the webhook's
/// <c>HttpAuth</c>, or <c>https://user:password@host/...</c>) prove the caller; Postmark documents no signed time, so
/// a replay is an event id already taken (the <c>X-PM-Webhook-Trace-Id</c> header, stable across retries).
/// </summary>
public sealed class PostmarkWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "Postmark";

    private readonly string _user;
    private readonly string _password;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public PostmarkWebhook(PostmarkWebhookOptions options)
    {
        if (string.IsNullOrEmpty(options.Username)) throw WebhookSettings.Wrong(Section, "Username", "is missing: Postmark webhooks carry no signature, so Basic auth is required");
        if (string.IsNullOrEmpty(options.Password) || options.Password.Length < 16) throw WebhookSettings.Wrong(Section, "Password", "is missing or shorter than 16 characters");
        _user = options.Username;
        _password = options.Password;
    }

    /// <inheritdoc />
    public string Name => PostmarkEvents.Provider;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (!WebhookCredentials.IsBasic(request.Header("Authorization"), _user, _password)) return Task.FromResult(WebhookVerdict.Refuse(401, "Basic credentials missing or wrong"));
        try
        {
            return Task.FromResult(WebhookVerdict.Accept(PostmarkEvents.Read(request.Body, request.Header("X-PM-Webhook-Trace-Id")), null));
        }
        catch (EspPayloadException ex)
        {
            return Task.FromResult(WebhookVerdict.Refuse(400, ex.Message));
        }
    }
}
