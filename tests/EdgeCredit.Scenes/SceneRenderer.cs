using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>
/// Draws a scripted clip frame by frame (BGR, 8 bits, rows top to bottom, no padding). Owns its Mats; one clip, in order.
/// </summary>
internal sealed class SceneRenderer : IDisposable
{
    private readonly SceneScript script;
    private readonly Mat background;
    private readonly Mat canvas;
    private readonly Mat scratch;
    private readonly SensorNoise? noise;
    private readonly byte[] output;
    private readonly int coverColour;

    public SceneRenderer(SceneScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        this.script = script;
        var spec = script.Spec;
        background = BackgroundPainter.Paint(script);
        canvas = new Mat(spec.Height, spec.Width, MatType.CV_8UC3);
        scratch = new Mat(spec.Height, spec.Width, MatType.CV_8UC3);
        noise = spec.NoiseSigma > 0 ? new SensorNoise(spec.Width, spec.Height, spec.NoiseSigma, Hashing.SubSeed(spec.Seed, 8)) : null;
        output = new byte[FrameBytes];
        coverColour = Hashing.SubSeed(spec.Seed, 9) % Palette.Covers.Length;
    }

    public int FrameBytes => script.Spec.Width * script.Spec.Height * 3;

    public int FrameCount => script.Spec.FrameCount;

    /// <summary>
    /// Renders every frame in order and hands each to <paramref name="sink"/> with its index. The array is reused: the
    /// sink must copy what it keeps.
    /// </summary>
    public void Render(Action<int, byte[]> sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var spec = script.Spec;
        var tamper = script.Tamper;
        var tamperFrame = tamper is null ? int.MaxValue : tamper.Start * spec.Fps;
        byte[][] replay = [];
        var loopFrames = tamper is { Kind: TamperKind.Looped } ? tamper.LoopSeconds * spec.Fps : 0;
        for (var i = 0; i < spec.FrameCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var repeating = i >= tamperFrame && tamper!.Kind is TamperKind.Frozen or TamperKind.Looped;
            if (repeating)
            {
                // A hung encoder repeats its last frame byte for byte; a replay attack loops the seconds before the start.
                var source = tamper!.Kind == TamperKind.Frozen ? replay[^1] : replay[(i - tamperFrame) % loopFrames];
                sink(i, source);
                continue;
            }

            DrawFrame(i);
            Marshal.Copy(canvas.Data, output, 0, output.Length);
            if (tamper is { Kind: TamperKind.Frozen } && i == tamperFrame - 1)
            {
                replay = [(byte[])output.Clone()];
            }
            else if (loopFrames > 0 && i >= tamperFrame - loopFrames && i < tamperFrame)
            {
                replay = [.. replay, (byte[])output.Clone()];
            }

            sink(i, output);
        }
    }

    /// <summary>
    /// <see cref="Render"/> with each frame turned grey (one byte per pixel, as the agent's capture delivers it). The
    /// array is reused: the sink must copy what it keeps.
    /// </summary>
    public void RenderGrey(Action<int, byte[]> sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var spec = script.Spec;
        using var bgr = new Mat(spec.Height, spec.Width, MatType.CV_8UC3);
        using var grey = new Mat();
        var pixels = new byte[spec.Width * spec.Height];
        Render(
            (i, frame) =>
            {
                Marshal.Copy(frame, 0, bgr.Data, frame.Length);
                Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
                Marshal.Copy(grey.Data, pixels, 0, pixels.Length);
                sink(i, pixels);
            },
            cancellationToken);
    }

    public void Dispose()
    {
        background.Dispose();
        canvas.Dispose();
        scratch.Dispose();
        noise?.Dispose();
    }

    private void DrawFrame(int index)
    {
        var spec = script.Spec;
        var t = script.Time(index);
        background.CopyTo(canvas);
        foreach (var region in script.Regions)
        {
            if (region.Machine is { } kind)
            {
                MachinePainter.DrawMoving(canvas, kind, region.Box.ToPixels(spec.Width, spec.Height), region.Travel(t));
            }
        }

        var conveyor = script.Conveyor;
        var beltFront = conveyor?.Box.Y1 ?? double.MaxValue;
        foreach (var person in script.People.Where(p => p.FootY < beltFront))
        {
            PersonPainter.Draw(canvas, person, t, script.Aspect);
        }

        if (conveyor is not null)
        {
            ConveyorPainter.DrawMoving(canvas, conveyor.Box.ToPixels(spec.Width, spec.Height), conveyor.Travel(t), script.Items);
        }

        foreach (var person in script.People.Where(p => p.FootY >= beltFront))
        {
            PersonPainter.Draw(canvas, person, t, script.Aspect);
        }

        TamperEffects.Apply(canvas, scratch, script.Tamper, t, coverColour);
        var gain = script.Lighting.Gain(index, t) * TamperEffects.DarkGain(script.Tamper, t);
        canvas.ConvertTo(canvas, MatType.CV_8UC3, gain, 0);
        noise?.Apply(canvas, index);
    }
}
