using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Publishing;

public sealed class AwaitingReceiptsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));
    private readonly AgentCounters _counters = new();
    private readonly AwaitingReceipts _awaiting;

    public AwaitingReceiptsTests() => _awaiting = new AwaitingReceipts(TimeSpan.FromMinutes(1), _time, _counters);

    [Fact]
    public void TimeoutOf_Attempts_DoublesUpToOneHour()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), _awaiting.TimeoutOf(1));
        Assert.Equal(TimeSpan.FromMinutes(2), _awaiting.TimeoutOf(2));
        Assert.Equal(TimeSpan.FromMinutes(32), _awaiting.TimeoutOf(6));
        Assert.Equal(TimeSpan.FromHours(1), _awaiting.TimeoutOf(7));
        Assert.Equal(TimeSpan.FromHours(1), _awaiting.TimeoutOf(1000));
    }

    [Fact]
    public void OldestDue_WithinTimeout_NothingDue()
    {
        Send(10);

        _time.Advance(TimeSpan.FromSeconds(59));

        Assert.Null(_awaiting.OldestDue());
        Assert.Equal(TimeSpan.FromSeconds(1), _awaiting.UntilNextDue());
        Assert.Equal(1, _counters.AwaitingReceipt);
    }

    [Fact]
    public void OldestDue_SeveralOverdue_OldestSequenceFirst()
    {
        Send(30);
        Send(10);
        _time.Advance(TimeSpan.FromSeconds(1));
        Send(20);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(10, _awaiting.OldestDue());
        Assert.Equal(TimeSpan.Zero, _awaiting.UntilNextDue());
        Assert.Equal(3, _awaiting.Count);
    }

    [Fact]
    public void Acknowledged_SecondAttempt_WaitsTwiceAsLong()
    {
        Send(10);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(10, _awaiting.OldestDue());

        Assert.Equal(2, Send(10));

        Assert.Null(_awaiting.OldestDue());
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Null(_awaiting.OldestDue());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, _awaiting.OldestDue());
    }

    [Fact]
    public void Forget_Confirmed_NoLongerTrackedOrDue()
    {
        Send(10);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(10, _awaiting.OldestDue());

        _awaiting.Forget(10);

        Assert.False(_awaiting.IsTracked(10));
        Assert.Null(_awaiting.OldestDue());
        Assert.Equal(Timeout.InfiniteTimeSpan, _awaiting.UntilNextDue());
        Assert.Equal(0, _counters.AwaitingReceipt);
    }

    [Fact]
    public void Acknowledged_AfterReceiptArrivedDuringFlight_NotTrackedAgain()
    {
        _awaiting.BeginAttempt(10);
        _awaiting.Forget(10);

        _awaiting.Acknowledged(10);

        Assert.False(_awaiting.IsTracked(10));
        Assert.Equal(0, _awaiting.Count);
    }

    [Fact]
    public void NotAcknowledged_FirstCopy_UntrackedAgain()
    {
        _awaiting.BeginAttempt(10);
        Assert.Equal(0, _awaiting.Count);

        _awaiting.NotAcknowledged(10);

        Assert.False(_awaiting.IsTracked(10));
        Assert.Null(_awaiting.OldestDue());
    }

    [Fact]
    public void NotAcknowledged_Resend_DueAgainAtOnceWithoutCountingTheAttempt()
    {
        Send(10);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _awaiting.BeginAttempt(10));

        _awaiting.NotAcknowledged(10);

        Assert.Equal(10, _awaiting.OldestDue());
        Assert.Equal(2, Send(10));
    }

    [Fact]
    public void ForgetBelow_DroppedByTheCap_Forgotten()
    {
        Send(10);
        Send(20);
        Send(30);

        _awaiting.ForgetBelow(30);

        Assert.False(_awaiting.IsTracked(10));
        Assert.False(_awaiting.IsTracked(20));
        Assert.True(_awaiting.IsTracked(30));
        Assert.Equal(1, _counters.AwaitingReceipt);
    }

    private int Send(long sequence)
    {
        var attempt = _awaiting.BeginAttempt(sequence);
        _awaiting.Acknowledged(sequence);
        return attempt;
    }
}
