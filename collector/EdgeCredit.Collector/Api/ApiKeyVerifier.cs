using EdgeCredit.Collector.Devices;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Api;

/// <summary>Checks a presented API key against the configured salted hashes; returns the key's name.</summary>
internal sealed class ApiKeyVerifier(IOptions<ApiOptions> options)
{
    private readonly (string Name, SecretHash Hash)[] _keys = options.Value.Keys
        .Select(k => (k.Name!, SecretHash.TryParse(k.KeyHash, out var h) ? h : null))
        .Where(k => k.Item2 is not null)
        .Select(k => (k.Item1, k.Item2!))
        .ToArray();

    public string? Verify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        string? match = null;
        foreach (var (name, hash) in _keys)
        {
            // Every key is checked, so the time taken does not reveal which entry matched.
            if (hash.Matches(presented))
            {
                match ??= name;
            }
        }

        return match;
    }
}
