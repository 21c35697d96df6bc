namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>Postmark's webhooks (<c>Webhooks:Postmark</c>): Postmark signs nothing, so HTTP Basic credentials are required.</summary>
public sealed class PostmarkWebhookOptions
{
    /// <summary>The user name of the webhook's Basic auth (<c>HttpAuth.Username</c>, or in the URL).</summary>
    public string? Username { get; set; }

    /// <summary>The password of the webhook's Basic auth.</summary>
    public string? Password { get; set; }
}
