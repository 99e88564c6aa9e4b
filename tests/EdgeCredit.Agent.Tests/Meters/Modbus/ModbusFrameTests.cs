using EdgeCredit.Agent.Meters.Modbus;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

public sealed class ModbusFrameTests
{
    // Answer to transaction 0x1234, unit 7, function 3, two registers 0x0102 0x0304.
    private static byte[] GoodAnswer() => [0x12, 0x34, 0, 0, 0, 7, 7, 3, 4, 1, 2, 3, 4];

    [Fact]
    public void WriteReadRequest_InputRegisters_IsTheSpecFrame()
    {
        var frame = new byte[ModbusFrame.RequestLength];

        ModbusFrame.WriteReadRequest(frame, 0xBEEF, 17, ModbusFunction.Input, 0x0102, 125);

        Assert.Equal(new byte[] { 0xBE, 0xEF, 0, 0, 0, 6, 17, 4, 1, 2, 0, 125 }, frame);
    }

    [Fact]
    public void CheckAndRead_MatchingAnswer_ReturnsRegisters()
    {
        var answer = GoodAnswer();
        var registers = new ushort[2];

        var pdu = ModbusFrame.CheckHeader(answer.AsSpan(0, 7), 0x1234, 7);
        ModbusFrame.ReadRegisters(answer.AsSpan(7, pdu), ModbusFunction.Holding, 2, registers);

        Assert.Equal(new ushort[] { 0x0102, 0x0304 }, registers);
    }

    [Theory]
    [InlineData(0, 0x12, "transaction id 4660 in the answer, 4661 was sent")]
    [InlineData(2, 0x01, "protocol id 256 in the answer, Modbus is 0")]
    [InlineData(6, 8, "unit id 8 in the answer, 7 was asked")]
    [InlineData(5, 2, "length field 2, allowed 3 to 253")]
    [InlineData(4, 1, "length field 263, allowed 3 to 253")]
    public void CheckHeader_MismatchedField_ThrowsProtocolError(int index, byte value, string detail)
    {
        var answer = GoodAnswer();
        answer[index] = value;
        var expectedTid = index == 0 ? (ushort)0x1235 : (ushort)0x1234;

        var error = Assert.Throws<ModbusProtocolException>(() => ModbusFrame.CheckHeader(answer.AsSpan(0, 7), expectedTid, 7));

        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 4, 4, 1, 2, 3, 4 }, "function code 4 in the answer, 3 was sent")]
    [InlineData(new byte[] { 3, 2, 1, 2 }, "byte count 2, 4 expected")]
    [InlineData(new byte[] { 3, 4, 1, 2, 3 }, "answer of 5 PDU bytes")]
    [InlineData(new byte[] { 3 }, "byte count missing")]
    [InlineData(new byte[] { 0x83, 2, 0 }, "exception response of 3 bytes")]
    public void ReadRegisters_MalformedPdu_ThrowsProtocolError(byte[] pdu, string detail)
    {
        var error = Assert.Throws<ModbusProtocolException>(() => ModbusFrame.ReadRegisters(pdu, ModbusFunction.Holding, 2, new ushort[2]));

        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRegisters_ExceptionResponse_ThrowsWithCode()
    {
        var error = Assert.Throws<ModbusExceptionResponse>(() => ModbusFrame.ReadRegisters(new byte[] { 0x84, 0x0B }, ModbusFunction.Input, 2, new ushort[2]));

        Assert.Equal(4, error.FunctionCode);
        Assert.Equal(0x0B, error.ExceptionCode);
        Assert.Contains("gateway target device failed to respond", error.Message, StringComparison.Ordinal);
    }
}
