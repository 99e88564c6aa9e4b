using EdgeCredit.Protocol;

namespace EdgeCredit.Protocol.Tests;

public sealed class TopicsTests
{
    [Fact]
    public void SignalsOf_Device_BuildsV1Topic()
    {
        Assert.Equal("edgecredit/v1/acme/gw-01/signals", Topics.SignalsOf("acme", "gw-01"));
    }

    [Fact]
    public void TryParse_StatusTopic_ReturnsParts()
    {
        Assert.True(Topics.TryParse("edgecredit/v1/acme/gw-01/status", out var address));
        Assert.Equal(new TopicAddress("acme", "gw-01", "status"), address);
    }

    [Theory]
    [InlineData("edgecredit/v2/acme/gw-01/signals")]
    [InlineData("edgecredit/v1/acme/signals")]
    [InlineData("edgecredit/v1/acme/gw-01/signals/extra")]
    [InlineData("edgecredit/v1//gw-01/signals")]
    [InlineData("")]
    public void TryParse_NotAV1Topic_ReturnsFalse(string topic)
    {
        Assert.False(Topics.TryParse(topic, out _));
    }
}
