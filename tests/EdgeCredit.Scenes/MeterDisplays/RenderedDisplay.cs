using OpenCvSharp;

namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>A rendered camera frame (BGR, owned: dispose it) with the meter region an installer would configure.</summary>
internal sealed record RenderedDisplay(Mat Frame, NormalizedRect Region, MeterDisplaySpec Spec) : IDisposable
{
    public void Dispose() => Frame.Dispose();
}
