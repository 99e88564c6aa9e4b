namespace EdgeCredit.Testing.Servers;

/// <summary>What <see cref="RejectingTimeSeriesServer"/> answers to one request.</summary>
internal sealed record FakeResponse(int Status, int? RetryAfterSeconds = null, string? Body = null)
{
    public static readonly FakeResponse Accepted = new(204);

    /// <summary>What InfluxDB 2.x answers to a point whose field type conflicts with stored data.</summary>
    public static FakeResponse BadRequest(string message) =>
        new(400, null, $$"""{"code":"invalid","message":"{{message}}"}""");
}
