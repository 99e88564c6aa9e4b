using System.Security.Cryptography.X509Certificates;
using EdgeCredit.Testing.Servers;
using MQTTnet;
using MQTTnet.Formatter;

namespace EdgeCredit.Testing.Infrastructure;

/// <summary>MQTT 5 clients of the test mosquitto that present a client certificate and trust only the test CA.</summary>
internal static class MqttTls
{
    public static MqttClientOptions Options(Mosquitto broker, string name, string? clientId = null, bool cleanStart = true)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(broker.Certificates.CaFile));
        var client = X509Certificate2.CreateFromPemFile(broker.Certificates.CertFile(name), broker.Certificates.KeyFile(name));
        return new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? name + "-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(cleanStart ? 0u : 3600u)
            .WithTlsOptions(o => o
                .WithTargetHost("127.0.0.1")
                .WithClientCertificates([client])
                .WithCertificateValidationHandler(e =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(e.Certificate));
                }))
            .Build();
    }

    public static async Task<IMqttClient> ConnectAsync(Mosquitto broker, string name, string? clientId = null, bool cleanStart = true)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(broker, name, clientId, cleanStart));
        return result.ResultCode == MqttClientConnectResultCode.Success
            ? client
            : throw new InvalidOperationException($"{name} could not connect: {result.ResultCode} {result.ReasonString}");
    }
}
