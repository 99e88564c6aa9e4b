using System.Net;
using System.Net.Sockets;
using EdgeCredit.Agent.Meters.Modbus;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

[Collection(ModbusCollection.Name)]
public sealed class ModbusTcpClientTests(ModbusServerFixture server)
{
    // Generous where a timeout is not what is tested: CI machines are shared.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ReadRegisters_EveryTypeAndWordOrder_DecodesTheServersValuesWithScale()
    {
        using var client = new ModbusTcpClient("127.0.0.1", server.Port, Timeout, TimeProvider.System);
        var plan = ModbusReadPlan.For(ModbusTestModels.Types.Select(t => t.Point));
        var registers = new ushort[plan.Registers];
        var values = new double[plan.Points.Count];

        await plan.ReadAsync(client, ModbusTestModels.TypesUnit, registers, CancellationToken.None);
        plan.Decode(registers, values);

        Assert.Equal(2, plan.Blocks.Count); // holding 0..13 and input 100..107, one request each
        for (var i = 0; i < values.Length; i++)
        {
            var (point, _, expected) = ModbusTestModels.Types[i];
            Assert.True(Math.Abs(values[i] - expected) <= Math.Abs(expected) * 1e-12, $"{point.Function} {point.Address} {point.Type} {point.WordOrder}: {values[i]} instead of {expected}");
        }
    }

    [Fact]
    public async Task ReadRegisters_AddressOutsideTheServersMap_ThrowsExceptionResponseAndKeepsConnection()
    {
        using var client = new ModbusTcpClient("127.0.0.1", server.Port, Timeout, TimeProvider.System);
        var registers = new ushort[2];

        var error = await Assert.ThrowsAsync<ModbusExceptionResponse>(() => client.ReadRegistersAsync(1, ModbusFunction.Holding, 10_000, 2, registers, CancellationToken.None).AsTask());
        await client.ReadRegistersAsync(ModbusTestModels.TypesUnit, ModbusFunction.Holding, 12, 1, registers, CancellationToken.None);

        Assert.Equal(2, error.ExceptionCode);
        Assert.Equal(unchecked((ushort)-1234), registers[0]);
        Assert.Equal(1, client.Connects);
    }

    [Fact]
    public async Task ReadRegisters_UnitThatDoesNotAnswer_TimesOutThenReconnectsForTheNextRequest()
    {
        await using var own = await ModbusServerProcess.StartAsync("--units", "1,2", "--set", "1:h:0:uint16:high:77");
        await own.MuteAsync(2);
        using var client = new ModbusTcpClient("127.0.0.1", own.Port, TimeSpan.FromSeconds(1), TimeProvider.System);
        var registers = new ushort[1];

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadRegistersAsync(2, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None).AsTask());
        Assert.False(client.IsConnected);
        await client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None);

        Assert.Equal(77, registers[0]);
        Assert.Equal(2, client.Connects);
    }

    [Fact]
    public async Task ReadRegisters_GarbageAnswer_ProtocolErrorThenRecoversWhenServerBehaves()
    {
        await using var fake = new GarbageModbusServer { Misbehave = true };
        fake.Registers[0] = 1234;
        using var client = new ModbusTcpClient("127.0.0.1", fake.Port, Timeout, TimeProvider.System);
        var registers = new ushort[1];

        await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None).AsTask());
        Assert.Equal(0, registers[0]);
        fake.Misbehave = false;
        await client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None);

        Assert.Equal(1234, registers[0]);
        Assert.Equal(2, client.Connects);
    }

    [Fact]
    public async Task ReadRegisters_WrongTransactionId_ProtocolErrorWithoutTakingTheValue()
    {
        await using var fake = new WrongTransactionIdServer { Misbehave = true };
        fake.Registers[5] = 55;
        using var client = new ModbusTcpClient("127.0.0.1", fake.Port, Timeout, TimeProvider.System);
        var registers = new ushort[1];

        var error = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadRegistersAsync(1, ModbusFunction.Input, 5, 1, registers, CancellationToken.None).AsTask());
        Assert.NotEqual(WrongTransactionIdServer.BadValue, registers[0]);
        fake.Misbehave = false;
        await client.ReadRegistersAsync(1, ModbusFunction.Input, 5, 1, registers, CancellationToken.None);

        Assert.Contains("transaction id", error.Message, StringComparison.Ordinal);
        Assert.Equal(55, registers[0]);
    }

    [Fact]
    public async Task ReadRegisters_LateAnswerToATimedOutRequest_NeverTakenForTheNextRequest()
    {
        await using var fake = new SlowModbusServer { Misbehave = true, Delay = TimeSpan.FromMilliseconds(1500) };
        fake.Registers[0] = 9;
        using var client = new ModbusTcpClient("127.0.0.1", fake.Port, TimeSpan.FromMilliseconds(500), TimeProvider.System);
        var registers = new ushort[1];

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None).AsTask());
        await client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None);
        var beforeLateAnswer = registers[0];
        await fake.LateAnswerWritten.WaitAsync(TimeSpan.FromSeconds(10));
        await client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, registers, CancellationToken.None);

        Assert.Equal(9, beforeLateAnswer);
        Assert.Equal(9, registers[0]);
        Assert.Equal(2, client.Connects);
    }

    [Fact]
    public async Task ReadRegisters_NothingListening_ThrowsConnectionException()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new ModbusTcpClient("127.0.0.1", port, Timeout, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadRegistersAsync(1, ModbusFunction.Holding, 0, 1, new ushort[1], CancellationToken.None).AsTask());

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }
}
