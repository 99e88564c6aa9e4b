using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace EdgeCredit.Collector.Devices;

/// <summary>
/// A salted SHA-256 hash of a machine secret (device password or API key), written as
/// <c>sha256:&lt;salt-base64&gt;:&lt;hash-base64&gt;</c>.
/// </summary>
/// <remarks>
/// The secrets hashed here are random 256-bit tokens made by <see cref="NewSecret"/>, not human passwords:
/// they cannot be guessed from a dictionary, so a fast hash with a salt is enough, and a slow KDF
/// (PBKDF2, Argon2) would only cost CPU on every MQTT connect and API request. Comparison uses
/// <see cref="CryptographicOperations.FixedTimeEquals"/> so the time taken does not reveal how many
/// leading bytes of a guess matched.
/// </remarks>
internal sealed class SecretHash
{
    public const string Scheme = "sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private SecretHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    public static string Format => "sha256:<salt-base64>:<hash-base64>";

    /// <summary>A new random secret: 32 bytes, base64url without padding.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static SecretHash Create(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new SecretHash(salt, Compute(salt, secret));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SecretHash? hash)
    {
        hash = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 3 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[1]);
            var digest = Convert.FromBase64String(parts[2]);
            if (salt.Length < 8 || digest.Length != HashBytes)
            {
                return false;
            }

            hash = new SecretHash(salt, digest);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public bool Matches(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Compute(_salt, secret), _hash);
    }

    public override string ToString() => $"{Scheme}:{Convert.ToBase64String(_salt)}:{Convert.ToBase64String(_hash)}";

    private static byte[] Compute(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}
