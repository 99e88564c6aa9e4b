namespace EdgeCredit.Collector.Api;

/// <summary>Endpoint metadata: only the platform operator's keys may call it (a lender's key gets 403).</summary>
internal sealed class OperatorOnly
{
    public static readonly OperatorOnly Instance = new();

    private OperatorOnly()
    {
    }
}
