using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Protocol;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCredit.Agent.Publishing;

/// <summary>
/// The MQTTnet client options of this device (MQTT 5, persistent session, last will on the status topic) and the
/// certificates they use. Owns the certificates.
/// </summary>
internal sealed class MqttConnectionSettings : IDisposable
{
    private readonly X509Certificate2Collection _trustedRoots = [];
    private readonly X509Certificate2? _clientCertificate;

    public MqttConnectionSettings(PublishingOptions publishing, AgentOptions agent)
    {
        ArgumentNullException.ThrowIfNull(publishing);
        ArgumentNullException.ThrowIfNull(agent);
        Username = publishing.EffectiveUsername(agent.Device);
        Endpoint = $"{publishing.Host}:{publishing.Port}";
        StatusTopic = Topics.StatusOf(agent.Enterprise, agent.Device);
        SignalsTopic = Topics.SignalsOf(agent.Enterprise, agent.Device);
        ReceiptsTopic = Topics.ReceiptsOf(agent.Enterprise, agent.Device);

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(publishing.Host, publishing.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(publishing.EffectiveClientId(agent.Device))
            .WithCredentials(Username, publishing.Password)
            .WithKeepAlivePeriod(publishing.KeepAlive)
            .WithTimeout(publishing.PublishTimeout)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)publishing.SessionExpiry.TotalSeconds)
            .WithWillTopic(StatusTopic)
            .WithWillPayload(ProtocolJson.Serialize(new DeviceStatus { Version = 1, State = DeviceState.Offline }))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);

        if (publishing.UseTls)
        {
            if (!string.IsNullOrEmpty(publishing.ClientCertificateFile) && !string.IsNullOrEmpty(publishing.ClientKeyFile))
            {
                _clientCertificate = X509Certificate2.CreateFromPemFile(publishing.ClientCertificateFile, publishing.ClientKeyFile);
            }

            if (!string.IsNullOrEmpty(publishing.CaFile))
            {
                _trustedRoots.ImportFromPemFile(publishing.CaFile);
            }

            builder.WithTlsOptions(tls =>
            {
                tls.UseTls(true).WithTargetHost(publishing.Host);
                if (_clientCertificate is not null)
                {
                    tls.WithClientCertificates([_clientCertificate]);
                }

                if (_trustedRoots.Count > 0)
                {
                    tls.WithCertificateValidationHandler(e => ValidateAgainstCa(e.Certificate, e.Chain, e.SslPolicyErrors));
                }
            });
        }

        Options = builder.Build();
    }

    public MqttClientOptions Options { get; }

    public string Username { get; }

    public string Endpoint { get; }

    public string StatusTopic { get; }

    public string SignalsTopic { get; }

    public string ReceiptsTopic { get; }

    public void Dispose()
    {
        _clientCertificate?.Dispose();
        foreach (var root in _trustedRoots)
        {
            root.Dispose();
        }
    }

    /// <summary>Accepts the server only if its chain ends in one of the CaFile certificates and its name matches.</summary>
    private bool ValidateAgainstCa(System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return chain.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }
}
