using System.Security.Cryptography;

namespace DeliverabilityBot.Checks.Dkim;

/// <summary>A DKIM key record's tags (RFC 6376 section 3.6.1) and the key's size.</summary>
public sealed class DkimKeyRecord
{
    private DkimKeyRecord() { }

    /// <summary>The record as published.</summary>
    public required string Text { get; init; }

    /// <summary>Key type, <c>rsa</c> (the default) or <c>ed25519</c> (RFC 8463).</summary>
    public string KeyType { get; private init; } = "rsa";

    /// <summary>True when <c>p=</c> is empty: the key was revoked (section 3.6.1).</summary>
    public bool Revoked { get; private init; }

    /// <summary>True when <c>t=y</c>: the domain is testing DKIM and verifiers may treat it as unsigned.</summary>
    public bool Testing { get; private init; }

    /// <summary>The key size in bits (RSA modulus, 256 for Ed25519), or null when the key could not be read.</summary>
    public int? Bits { get; private init; }

    /// <summary>What is wrong with the record, or null.</summary>
    public string? Error { get; private init; }

    /// <summary>Parses a key record.</summary>
    public static DkimKeyRecord Parse(string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            tags.TryAdd(part[..eq].Trim(), string.Concat(part[(eq + 1)..].Where(c => !char.IsWhiteSpace(c))));
        }
        if (tags.TryGetValue("v", out var v) && v != "DKIM1")
            return new DkimKeyRecord { Text = text, Error = $"v={v}: a key record's version must be DKIM1 (RFC 6376 section 3.6.1)" };
        if (!tags.TryGetValue("p", out var p))
            return new DkimKeyRecord { Text = text, Error = "no p= tag: a key record must carry the public key (RFC 6376 section 3.6.1)" };
        var keyType = tags.TryGetValue("k", out var k) ? k.ToLowerInvariant() : "rsa";
        var testing = tags.TryGetValue("t", out var t) && t.Split(':').Contains("y", StringComparer.OrdinalIgnoreCase);
        if (p.Length == 0) return new DkimKeyRecord { Text = text, KeyType = keyType, Revoked = true, Testing = testing };
        byte[] key;
        try
        {
            key = Convert.FromBase64String(p);
        }
        catch (FormatException)
        {
            return new DkimKeyRecord { Text = text, KeyType = keyType, Testing = testing, Error = "p= is not valid base64" };
        }
        if (keyType == "ed25519")
            return key.Length == 32
                ? new DkimKeyRecord { Text = text, KeyType = keyType, Testing = testing, Bits = 256 }
                : new DkimKeyRecord { Text = text, KeyType = keyType, Testing = testing, Error = $"an Ed25519 key is 32 bytes (RFC 8463), this one is {key.Length}" };
        if (keyType != "rsa") return new DkimKeyRecord { Text = text, KeyType = keyType, Testing = testing, Error = $"k={keyType} is not a key type verifiers know (rsa, ed25519)" };
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(key, out _);
        }
        catch (CryptographicException)
        {
            try
            {
                // Some publishers put the bare RSAPublicKey (PKCS#1) where SubjectPublicKeyInfo belongs; verifiers often accept it.
                rsa.ImportRSAPublicKey(key, out _);
            }
            catch (CryptographicException)
            {
                return new DkimKeyRecord { Text = text, KeyType = keyType, Testing = testing, Error = "p= is not an RSA public key" };
            }
        }
        return new DkimKeyRecord { Text = text, KeyType = keyType, Testing = testing, Bits = rsa.KeySize };
    }
}
