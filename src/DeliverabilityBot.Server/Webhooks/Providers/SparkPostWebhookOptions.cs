namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>SparkPost's webhooks (<c>Webhooks:SparkPost</c>): <c>auth_type</c> basic (user and password) or oauth2 (the bearer token your token endpoint issues).</summary>
public sealed class SparkPostWebhookOptions
{
    /// <summary>The user name of <c>auth_credentials</c> (auth_type basic).</summary>
    public string? Username { get; set; }

    /// <summary>The password of <c>auth_credentials</c>.</summary>
    public string? Password { get; set; }

    /// <summary>The access token SparkPost obtains from your <c>auth_request_details</c> endpoint and sends as <c>Bearer</c> (auth_type oauth2).</summary>
    public string? BearerToken { get; set; }
}
