using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Publishing;

internal sealed class PublishingOptionsValidator : IValidateOptions<PublishingOptions>
{
    private const string Prefix = PublishingOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PublishingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = new OptionsProblems();
        if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            p.Add(Prefix + nameof(options.Host), options.Host, "give the broker's host name or IP address");
        }

        p.Range(Prefix + nameof(options.Port), options.Port, 1, 65535);
        p.FileExists(Prefix + nameof(options.CaFile), options.CaFile);
        p.FileExists(Prefix + nameof(options.ClientCertificateFile), options.ClientCertificateFile);
        p.FileExists(Prefix + nameof(options.ClientKeyFile), options.ClientKeyFile);
        if (string.IsNullOrEmpty(options.ClientCertificateFile) != string.IsNullOrEmpty(options.ClientKeyFile))
        {
            var missing = string.IsNullOrEmpty(options.ClientKeyFile) ? nameof(options.ClientKeyFile) : nameof(options.ClientCertificateFile);
            p.Add(Prefix + missing, null, $"set both {Prefix}ClientCertificateFile and {Prefix}ClientKeyFile, or neither");
        }

        if (!options.UseTls && !string.IsNullOrEmpty(options.CaFile + options.ClientCertificateFile + options.ClientKeyFile))
        {
            p.Add(Prefix + nameof(options.UseTls), options.UseTls, $"must be true when {Prefix}CaFile or a client certificate is set");
        }

        if (options.ClientId is { Length: > 128 } or { Length: 0 })
        {
            p.Add(Prefix + nameof(options.ClientId), options.ClientId, "1 to 128 characters, or unset to use the device id");
        }

        p.Range(Prefix + nameof(options.KeepAlive), options.KeepAlive, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(ushort.MaxValue));
        p.Range(Prefix + nameof(options.ReconnectMin), options.ReconnectMin, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        p.Range(Prefix + nameof(options.ReconnectMax), options.ReconnectMax, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        if (options.ReconnectMax < options.ReconnectMin)
        {
            p.Add(Prefix + nameof(options.ReconnectMax), options.ReconnectMax, $"must be at least {Prefix}ReconnectMin ({OptionsProblems.Format(options.ReconnectMin)})");
        }

        p.Range(Prefix + nameof(options.BacklogBatchesPerSecond), options.BacklogBatchesPerSecond, 1, 10_000);
        p.Range(Prefix + nameof(options.StatusInterval), options.StatusInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        p.Range(Prefix + nameof(options.SessionExpiry), options.SessionExpiry, TimeSpan.Zero, TimeSpan.FromDays(365));
        p.Range(Prefix + nameof(options.PublishTimeout), options.PublishTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        p.Range(Prefix + nameof(options.ReceiptTimeout), options.ReceiptTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (!Enum.IsDefined(options.Confirmation))
        {
            p.Add(Prefix + nameof(options.Confirmation), options.Confirmation, $"allowed {string.Join(" or ", Enum.GetNames<DeliveryConfirmation>())}");
        }

        return p.ToResult();
    }
}
