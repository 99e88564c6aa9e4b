namespace EdgeCredit.Testing.Servers;

/// <summary>One series of an <c>/api/v1/export</c> answer.</summary>
internal sealed record ExportedSeries(IReadOnlyDictionary<string, string> Labels, double[] Values, long[] Timestamps);
