using EdgeCredit.Collector.Devices;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Api;

/// <summary>Checks a presented API key against the configured salted hashes; returns who holds the key.</summary>
internal sealed class ApiKeyVerifier(IOptions<ApiOptions> options)
{
    private readonly (ApiCaller Caller, SecretHash Hash)[] _keys = options.Value.Keys
        .Select(k => (new ApiCaller(k.Name!, string.IsNullOrWhiteSpace(k.Lender) ? null : k.Lender), SecretHash.TryParse(k.KeyHash, out var h) ? h : null))
        .Where(k => k.Item2 is not null)
        .Select(k => (k.Item1, k.Item2!))
        .ToArray();

    public ApiCaller? Verify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        ApiCaller? match = null;
        foreach (var (caller, hash) in _keys)
        {
            // Every key is checked, so the time taken does not reveal which entry matched.
            if (hash.Matches(presented))
            {
                match ??= caller;
            }
        }

        return match;
    }
}
