using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Signals;

/// <summary>
/// A stage that accumulates its own observations (a camera's regions, its health) and hands over the signals of each
/// window when the window closes. Called once per window, in order, from the window service; must not block.
/// </summary>
internal interface IWindowContributor
{
    IReadOnlyList<Signal> Collect(DateTimeOffset start, DateTimeOffset end);
}
