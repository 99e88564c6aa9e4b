using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace EdgeCredit.Collector.Broker;

/// <summary>TLS settings for the external broker: the server is validated against Broker:CaFile when set.</summary>
internal static class BrokerTls
{
    public static MqttClientTlsOptions Build(BrokerOptions options)
    {
        var builder = new MqttClientTlsOptionsBuilder().UseTls(true).WithTargetHost(options.Host);
        if (!string.IsNullOrEmpty(options.CaFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(options.CaFile);
            builder.WithCertificateValidationHandler(e => IsTrusted(e.Certificate, e.SslPolicyErrors, authorities));
        }

        if (!string.IsNullOrEmpty(options.ClientCertificateFile) && !string.IsNullOrEmpty(options.ClientKeyFile))
        {
            builder.WithClientCertificates([X509Certificate2.CreateFromPemFile(options.ClientCertificateFile, options.ClientKeyFile)]);
        }

        return builder.Build();
    }

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        // The name must match and a certificate must be presented; only the chain is judged against our own CA.
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
