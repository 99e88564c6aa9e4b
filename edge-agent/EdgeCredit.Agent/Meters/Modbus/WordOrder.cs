namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>Order of the two registers of a 32-bit value (ignored for 16-bit types).</summary>
internal enum WordOrder
{
    /// <summary>The register at the lower address holds the high word ("big-endian", ABCD).</summary>
    HighFirst,

    /// <summary>The register at the lower address holds the low word ("word-swapped", CDAB).</summary>
    LowFirst,
}
