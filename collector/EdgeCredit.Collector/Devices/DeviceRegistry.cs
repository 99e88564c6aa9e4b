using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Devices;

/// <summary>The configured devices and enterprises, read once at start.</summary>
internal sealed class DeviceRegistry
{
    private readonly FrozenDictionary<string, RegisteredDevice> _devices;
    private readonly FrozenDictionary<string, RegisteredEnterprise> _enterprises;

    public DeviceRegistry(IOptions<RegistryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _devices = value.Devices
            .Select(d => new RegisteredDevice(d.Id!, d.Enterprise!, SecretHash.TryParse(d.SecretHash, out var h) ? h : null))
            .ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);

        var names = value.Enterprises.ToDictionary(e => e.Id!, e => string.IsNullOrWhiteSpace(e.Name) ? e.Id! : e.Name, StringComparer.Ordinal);
        var ids = names.Keys.Concat(_devices.Values.Select(d => d.Enterprise)).Distinct(StringComparer.Ordinal);
        _enterprises = ids
            .Select(id => new RegisteredEnterprise(
                id,
                names.GetValueOrDefault(id, id),
                _devices.Values.Where(d => d.Enterprise == id).Select(d => d.Id).Order(StringComparer.Ordinal).ToArray()))
            .ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public IEnumerable<RegisteredDevice> Devices => _devices.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    public IEnumerable<RegisteredEnterprise> Enterprises => _enterprises.Values.OrderBy(e => e.Id, StringComparer.Ordinal);

    public bool TryGetDevice(string? id, out RegisteredDevice device)
    {
        if (id is not null && _devices.TryGetValue(id, out var found))
        {
            device = found;
            return true;
        }

        device = null!;
        return false;
    }

    public bool TryGetEnterprise(string? id, out RegisteredEnterprise enterprise)
    {
        if (id is not null && _enterprises.TryGetValue(id, out var found))
        {
            enterprise = found;
            return true;
        }

        enterprise = null!;
        return false;
    }

    public CredentialCheck CheckCredentials(string? deviceId, string? secret)
    {
        if (string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(secret))
        {
            return CredentialCheck.MissingCredentials;
        }

        if (!_devices.TryGetValue(deviceId, out var device) || device.Secret is null)
        {
            return CredentialCheck.UnknownDevice;
        }

        return device.Secret.Matches(secret) ? CredentialCheck.Accepted : CredentialCheck.WrongSecret;
    }
}
