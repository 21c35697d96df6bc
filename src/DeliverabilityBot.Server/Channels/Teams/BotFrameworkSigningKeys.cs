using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// The Bot Framework key document: signing keys by kid and, per kid, the channel ids the key is
/// endorsed for (the <c>endorsements</c> extension of each JWK).
/// </summary>
/// <param name="Keys">Signing keys by key id.</param>
/// <param name="Endorsements">Channel ids per key id.</param>
public sealed record BotFrameworkSigningKeys(
    IReadOnlyDictionary<string, SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements);
