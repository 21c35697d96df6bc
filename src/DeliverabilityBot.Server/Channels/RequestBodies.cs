namespace DeliverabilityBot.Server.Channels;

/// <summary>Reads raw request bodies with a size limit (signatures are computed over the exact bytes).</summary>
public static class RequestBodies
{
    /// <summary>Largest body a chat endpoint accepts.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>The body bytes, or null when larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
