using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Writing;

/// <summary>The first scheme (<see cref="IdentityScheme.Sha256"/>), kept for stores that hold its hashes.</summary>
internal sealed class Sha256Identity : EventIdentity
{
    public override IdentityScheme Scheme => IdentityScheme.Sha256;

    public override long Of(StoredEvent e) => ContentHash.Of(e);

    public override long OfText(string text) => ContentHash.OfText(text);
}
