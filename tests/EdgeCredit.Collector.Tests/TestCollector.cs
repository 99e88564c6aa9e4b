using System.Net;
using System.Net.Sockets;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using MQTTnet;

namespace EdgeCredit.Collector.Tests;

/// <summary>The real collector app on Kestrel and the embedded broker, on loopback with free ports and a temporary database.</summary>
public sealed class TestCollector : IAsyncLifetime
{
    public const string Secret01 = "secret-gw-01";
    public const string Secret02 = "secret-gw-02";
    public const string ApiKey = "test-api-key-123";
    private static long _sequence = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly IReadOnlyList<string> _extraArgs;
    private string _directory = string.Empty;
    private WebApplication? _app;

    public TestCollector()
        : this([])
    {
    }

    /// <param name="extraArgs">More configuration (command-line form) after the defaults, for fixtures that need it.</param>
    internal TestCollector(IReadOnlyList<string> extraArgs)
    {
        _extraArgs = extraArgs;
    }

    public int BrokerPort { get; private set; }

    public string DatabasePath { get; private set; } = string.Empty;

    public HttpClient Http { get; private set; } = new();

    public IServiceProvider Services => _app!.Services;

    public static long NextSequence() => Interlocked.Increment(ref _sequence);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("collector-app-").FullName;
        DatabasePath = Path.Combine(_directory, "db", "collector.db");
        BrokerPort = FreePort();
        _app = CollectorHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Broker:Port={BrokerPort}",
            $"--Storage:Path={DatabasePath}",
            "--Storage:Synchronous=Normal",
            $"--Registry:Devices:0:Id={TestBatches.Device}",
            $"--Registry:Devices:0:Enterprise={TestBatches.Enterprise}",
            $"--Registry:Devices:0:SecretHash={SecretHash.Create(Secret01)}",
            $"--Registry:Devices:1:Id={TestBatches.OtherDevice}",
            $"--Registry:Devices:1:Enterprise={TestBatches.Enterprise}",
            $"--Registry:Devices:1:SecretHash={SecretHash.Create(Secret02)}",
            $"--Registry:Enterprises:0:Id={TestBatches.Enterprise}",
            "--Registry:Enterprises:0:Name=Acme Metal Works",
            "--Api:Keys:0:Name=lender-a",
            $"--Api:Keys:0:KeyHash={SecretHash.Create(ApiKey)}",
            "--Logging:LogLevel:Default=Warning",
            .. _extraArgs,
        ]);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public async Task<IMqttClient> ConnectDeviceAsync(string device = TestBatches.Device, string secret = Secret01)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", BrokerPort)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"{device}-{Guid.NewGuid():N}")
            .WithCredentials(device, secret)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var result = await client.ConnectAsync(options, CancellationToken.None);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
