namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>Amazon SES notifications through an SNS HTTPS subscription (<c>Webhooks:Ses</c>).</summary>
public sealed class SesWebhookOptions
{
    /// <summary>The SNS topics accepted (<c>arn:aws:sns:us-east-1:123456789012:ses-events</c>): anyone can point a topic of their own at the URL.</summary>
    public List<string> TopicArns { get; set; } = [];

    /// <summary>Confirm a subscription by fetching its <c>SubscribeURL</c> (an SNS host of the topic's region); off: it is logged for you to confirm.</summary>
    public bool ConfirmSubscriptions { get; set; }

    /// <summary>How old a message's signed <c>Timestamp</c> may be: SNS retries reuse it, for up to an hour with a custom policy.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(65);

    /// <summary>How long fetching a signing certificate or confirming a subscription may take.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
