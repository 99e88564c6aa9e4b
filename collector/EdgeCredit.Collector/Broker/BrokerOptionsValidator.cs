using System.Net;
using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Broker;

internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var s = BrokerOptions.SectionName;
        if (!Enum.IsDefined(options.Mode))
        {
            problems.Add($"{s}:Mode", options.Mode.ToString(), "Embedded or External");
        }

        problems.Range($"{s}:Port", options.Port, 1, 65535);
        problems.Range($"{s}:SessionExpiry", options.SessionExpiry, TimeSpan.Zero, TimeSpan.FromSeconds(uint.MaxValue - 1));
        problems.Range($"{s}:ReconnectMin", options.ReconnectMin, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        problems.Range($"{s}:ReconnectMax", options.ReconnectMax, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (options.ReconnectMax < options.ReconnectMin)
        {
            problems.Add($"{s}:ReconnectMax", options.ReconnectMax.ToString("c", null), $"at least {s}:ReconnectMin ({options.ReconnectMin:c})");
        }

        if (options.Mode == BrokerMode.Embedded)
        {
            if (!IPAddress.TryParse(options.BindAddress, out _))
            {
                problems.Add($"{s}:BindAddress", options.BindAddress, "an IP address such as 127.0.0.1 or 0.0.0.0");
            }

            return problems.ToResult();
        }

        problems.Required($"{s}:Host", options.Host, "the external broker's host name (Broker:Mode is External)");
        problems.Required($"{s}:ClientId", options.ClientId, "an MQTT client id, unique per collector instance");
        problems.Required($"{s}:SharedGroup", options.SharedGroup, "a shared subscription group name without '/', '+' or '#'");
        if (options.SharedGroup is { } group && group.IndexOfAny(['/', '+', '#']) >= 0)
        {
            problems.Add($"{s}:SharedGroup", group, "a group name without '/', '+' or '#'");
        }

        if (options.ClientId is { Length: > 128 })
        {
            problems.Add($"{s}:ClientId", options.ClientId, "at most 128 characters");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username))
        {
            problems.Required($"{s}:Username", options.Username, "a user name whenever Broker:Password is set");
        }

        CheckFile(problems, $"{s}:CaFile", options.CaFile);
        CheckFile(problems, $"{s}:ClientCertificateFile", options.ClientCertificateFile);
        CheckFile(problems, $"{s}:ClientKeyFile", options.ClientKeyFile);
        if (string.IsNullOrEmpty(options.ClientCertificateFile) != string.IsNullOrEmpty(options.ClientKeyFile))
        {
            problems.Add($"{s}:ClientKeyFile", options.ClientKeyFile, "set both Broker:ClientCertificateFile and Broker:ClientKeyFile, or neither");
        }

        if (!options.UseTls && (options.CaFile is not null || options.ClientCertificateFile is not null))
        {
            problems.Add($"{s}:UseTls", "false", "true when Broker:CaFile or Broker:ClientCertificateFile is set");
        }

        return problems.ToResult();
    }

    private static void CheckFile(ConfigProblems problems, string key, string? path)
    {
        if (!string.IsNullOrEmpty(path) && !File.Exists(path))
        {
            problems.Add(key, path, "an existing, readable PEM file");
        }
    }
}
