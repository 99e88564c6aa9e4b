namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// The requests that read all points of a model: the points of one function sorted by address, and runs of
/// adjacent registers merged into one request of at most 125 registers. Registers between points are never read
/// (a meter may answer "illegal data address" for them), so only points that touch share a request.
/// </summary>
internal sealed class ModbusReadPlan
{
    private readonly ModbusPointOptions[] _points;
    private readonly int[] _pointOffsets;

    private ModbusReadPlan(ModbusPointOptions[] points, int[] pointOffsets, ModbusReadBlock[] blocks, int registers)
    {
        _points = points;
        _pointOffsets = pointOffsets;
        Blocks = blocks;
        Registers = registers;
    }

    /// <summary>The points in configuration order; <see cref="Decode"/> fills values in this order.</summary>
    public IReadOnlyList<ModbusPointOptions> Points => _points;

    public IReadOnlyList<ModbusReadBlock> Blocks { get; }

    /// <summary>Total registers read per poll (size of the register buffer).</summary>
    public int Registers { get; }

    public static ModbusReadPlan For(IEnumerable<ModbusPointOptions> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var points = model.ToArray();
        var order = Enumerable.Range(0, points.Length)
            .OrderBy(i => points[i].Function).ThenBy(i => points[i].Address).ToArray();
        var blocks = new List<ModbusReadBlock>();
        var offsets = new int[points.Length];
        var offset = 0;
        ModbusReadBlock? open = null;
        foreach (var i in order)
        {
            var p = points[i];
            if (open is not null && open.Function == p.Function && open.Address + open.Count == p.Address
                && open.Count + p.Registers <= ModbusFrame.MaxRegistersPerRequest)
            {
                open = open with { Count = (ushort)(open.Count + p.Registers) };
                blocks[^1] = open;
            }
            else
            {
                open = new ModbusReadBlock(p.Function, (ushort)p.Address, (ushort)p.Registers, offset);
                blocks.Add(open);
            }

            offsets[i] = offset;
            offset += p.Registers;
        }

        return new ModbusReadPlan(points, offsets, [.. blocks], offset);
    }

    /// <summary>Reads every block into <paramref name="registers"/> (length <see cref="Registers"/>); throws on the first failure.</summary>
    public async ValueTask ReadAsync(ModbusTcpClient client, byte unitId, Memory<ushort> registers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var block in Blocks)
        {
            await client.ReadRegistersAsync(unitId, block.Function, block.Address, block.Count, registers.Slice(block.Offset, block.Count), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The scaled value of every point, in configuration order.</summary>
    public void Decode(ReadOnlySpan<ushort> registers, Span<double> values)
    {
        for (var i = 0; i < _points.Length; i++)
        {
            var p = _points[i];
            values[i] = RegisterDecoder.Decode(registers.Slice(_pointOffsets[i], p.Registers), p.Type, p.WordOrder) * p.Scale;
        }
    }
}
