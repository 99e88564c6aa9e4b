using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Tests.Support;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace EdgeCredit.Agent.Tests.Publishing;

/// <summary>TLS to an in-process broker whose certificate is signed by a test CA given to the agent as CaFile.</summary>
public sealed class TlsConnectionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task Connect_ServerCertificate_AcceptedOnlyWhenItChainsToCaFile(bool signedByTrustedCa, bool expectDelivered)
    {
        using var dir = new TempDirectory();
        var log = new TestLog(output);
        using var ca = CreateCa("EdgeCredit Test CA");
        using var otherCa = CreateCa("Some Other CA");
        using var serverCert = CreateServerCertificate(signedByTrustedCa ? ca : otherCa);
        File.WriteAllText(dir.File("ca.pem"), ca.ExportCertificatePem());
        var port = FreePort();
        var factory = new MqttServerFactory();
        using var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointPort(port)
            .WithEncryptionCertificate(serverCert)
            .Build());
        var received = 0;
        server.InterceptingPublishAsync += e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/signals", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref received);
            }

            return Task.CompletedTask;
        };
        await server.StartAsync();

        var counters = new AgentCounters();
        using var outbox = OutboxStore.Open(dir.File("outbox.db"), 16 * OutboxOptions.MiB, TimeProvider.System, counters, log.For<OutboxStore>());
        outbox.Append(Batches.Draft("gw-tls"));
        var options = new PublishingOptions
        {
            Host = "localhost",
            Port = port,
            UseTls = true,
            CaFile = dir.File("ca.pem"),
            ReconnectMin = TimeSpan.FromMilliseconds(200),
            ReconnectMax = TimeSpan.FromMilliseconds(400),

            // This tests TLS, not delivery confirmation: nobody sends receipts here.
            Confirmation = DeliveryConfirmation.BrokerAck,
        };
        using var publisher = new PublisherService(outbox, Options.Create(options), Options.Create(new AgentOptions { Enterprise = Batches.Enterprise, Device = "gw-tls" }), TimeProvider.System, counters, log.For<PublisherService>());
        await publisher.StartAsync(CancellationToken.None);
        if (expectDelivered)
        {
            await Eventually.TrueAsync(() => outbox.Depth == 0, "batch delivered over TLS");
            Assert.Equal(1, Volatile.Read(ref received));
        }
        else
        {
            await Eventually.TrueAsync(() => log.Entries.Count(e => e.EventId == 5004) >= 2, "TLS handshake refused twice");
            Assert.Equal(1, outbox.Depth);
            Assert.Equal(0, Volatile.Read(ref received));
        }

        await publisher.StopAsync(CancellationToken.None);
        await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 CreateServerCertificate(X509Certificate2 issuer)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);

        // SslStream on Linux wants a certificate whose key is exportable/persisted: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
