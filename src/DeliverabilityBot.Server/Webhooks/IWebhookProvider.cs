namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// One ESP's webhook as its provider documents it: how a request proves it comes from the provider (signature, token,
/// credentials), how old it may be, and what its body says. Configured from <c>Webhooks:{Provider}</c>; a provider
/// without configuration is not registered, and <c>/api/events/{provider}</c> answers 404.
/// </summary>
public interface IWebhookProvider
{
    /// <summary>The name in the route and the configuration (<c>sendgrid</c>, <c>mailgun</c>, <c>ses</c>...), lower case.</summary>
    string Name { get; }

    /// <summary>
    /// The status a replay gets (a request whose replay key, or all of whose events, were taken already): 409 unless the
    /// provider documents another (Mailgun: 406 stops its retries; SparkPost: 200 for a batch already processed).
    /// </summary>
    int ReplayStatus => StatusCodes.Status409Conflict;

    /// <summary>Checks the request and reads its events; never throws for a bad request (a verdict refuses it).</summary>
    Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken);
}
