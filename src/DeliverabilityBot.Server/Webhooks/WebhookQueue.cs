using System.Threading.Channels;
using DeliverabilityBot.Server.Channels;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// Accepted webhook requests waiting for the store (bounded: a full queue refuses, and the provider retries later), and
/// the keys this instance took recently, so a replay is refused at once, before the store has recorded it.
/// </summary>
public sealed class WebhookQueue
{
    private readonly Channel<WebhookDelivery> _channel;

    /// <summary>Creates the queue with <see cref="WebhookOptions.QueueCapacity"/> places.</summary>
    public WebhookQueue(IOptions<WebhookOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _channel = Channel.CreateBounded<WebhookDelivery>(new BoundedChannelOptions(Math.Max(1, settings.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        RecentKeys = new RecentKeys(time, settings.KeyLifetime, capacity: 200_000);
    }

    /// <summary>Keys (replay keys, <c>provider:event id</c>) this instance took recently.</summary>
    public RecentKeys RecentKeys { get; }

    /// <summary>Deliveries waiting; read by the webhook writer only.</summary>
    public ChannelReader<WebhookDelivery> Reader => _channel.Reader;

    /// <summary>Queues <paramref name="delivery"/>; false when the queue is full.</summary>
    public bool TryWrite(WebhookDelivery delivery) => _channel.Writer.TryWrite(delivery);
}
