using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>A receipt for one device about the signals messages of one committed transaction.</summary>
internal sealed record DeviceReceipt(string Enterprise, string Device, DeliveryReceipt Receipt)
{
    public string Topic => Topics.ReceiptsOf(Enterprise, Device);
}
