using System.Text;
using EdgeCredit.Protocol;

namespace EdgeCredit.Protocol.Tests;

public sealed class StatusTests
{
    [Fact]
    public void Serialize_LastWill_OmitsCounters()
    {
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(new DeviceStatus { Version = 1, State = DeviceState.Offline }));

        Assert.Equal("{\"version\":1,\"state\":\"offline\"}", json);
    }

    [Fact]
    public void DeserializeStatus_OnlineWithCounters_RoundTrips()
    {
        var status = new DeviceStatus { Version = 1, State = DeviceState.Online, At = Batches.Start, OutboxDepth = 12, Sent = 3, Retried = 1, Dropped = 0, LastSequence = 99 };

        Assert.Equal(status, ProtocolJson.DeserializeStatus(ProtocolJson.Serialize(status)));
    }
}
