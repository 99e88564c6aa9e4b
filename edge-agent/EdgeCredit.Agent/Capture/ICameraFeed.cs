using System.Threading.Channels;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// The output of one camera's capture: frames at the analysis rate and size in a bounded channel (when the analysis
/// falls behind, the oldest frame is dropped and counted), and the link state changes. One reader per feed.
/// </summary>
internal interface ICameraFeed
{
    string Camera { get; }

    /// <summary>Decoded frames; the reader disposes each frame it takes.</summary>
    ChannelReader<CameraFrame> Frames { get; }

    /// <summary>Link changes (connecting, streaming, offline) in order.</summary>
    ChannelReader<CameraLinkChange> LinkChanges { get; }

    /// <summary>Counters of this camera's capture so far.</summary>
    CaptureCounters Counters { get; }
}
