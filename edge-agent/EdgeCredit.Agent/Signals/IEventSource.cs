using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Signals;

/// <summary>
/// A stage that decides events (camera conditions, region state changes). At each window close the window service
/// takes every event decided up to then and stores them in the window's batch, so events go through the outbox with
/// the signals. Must not block.
/// </summary>
internal interface IEventSource
{
    /// <summary>Removes and returns the events decided so far, oldest first.</summary>
    IReadOnlyList<DeviceEvent> TakeEvents();
}
