using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;

namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// <c>meter-video --out DIR [--kind lcd|segment|drum] [--minutes M] [--kw KW] [--start KWH] [--digits N] [--decimals N] [--seed N]</c>:
/// a camera's view of one meter over time (fixed position and lighting, one frame a second) whose register advances
/// at a constant <c>--kw</c>, written as <c>DIR/meter.mp4</c> by Debian's ffmpeg, plus <c>DIR/meter.args</c>: the agent's
/// <c>MeterOcr</c> settings for it (one argument per line), for the demo. Tune seeds only (the default is one).
/// </summary>
internal static class MeterVideoCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var folder = CliOptions.Value(args, "out") ?? throw new ArgumentException("--out DIR is required");
        var kind = (CliOptions.Value(args, "kind") ?? "lcd") switch
        {
            "lcd" => DisplayKind.Lcd,
            "segment" => DisplayKind.SevenSegment,
            "drum" => DisplayKind.Drum,
            var other => throw new ArgumentException($"kind '{other}': use lcd, segment or drum"),
        };
        var minutes = Number(args, "minutes", 20, 1, 240);
        var kw = Number(args, "kw", 45, 0, 5000);
        var start = Number(args, "start", 1234.5, 0, 1e7);
        var digits = (int)Number(args, "digits", 7, 4, 9);
        var decimals = (int)Number(args, "decimals", 2, 0, 3);
        var seed = (int)Number(args, "seed", SceneCatalogue.TuneSeedBase + 870, SceneCatalogue.TuneSeedBase, SceneCatalogue.EvalSeedBase - 1);
        if (start >= Math.Pow(10, digits - decimals))
        {
            throw new ArgumentException($"start {start} kWh does not fit {digits} digits with {decimals} decimals");
        }

        Directory.CreateDirectory(folder);
        var frames = Path.Combine(folder, "frames");
        Directory.CreateDirectory(frames);
        var seconds = (int)(minutes * 60);
        var unitKwh = Math.Pow(10, -decimals);
        string region = string.Empty;
        for (var s = 0; s < seconds; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var register = (start + (kw * s / 3600.0)) / unitKwh;
            var spec = new MeterDisplaySpec(kind, Degradation.Clean, digits, decimals, kind == DisplayKind.Drum ? register : Math.Floor(register), seed);
            using var rendered = MeterDisplayRenderer.Render(spec);
            region = rendered.Region.ToPolygon();
            Cv2.ImWrite(Path.Combine(frames, string.Create(CultureInfo.InvariantCulture, $"{s:D5}.bmp")), rendered.Frame);
        }

        var video = Path.Combine(folder, "meter.mp4");
        using (var ffmpeg = Process.Start("/usr/bin/ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-framerate", "1", "-i", Path.Combine(frames, "%05d.bmp"), "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-g", "10", video]))
        {
            await ffmpeg.WaitForExitAsync(cancellationToken);
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg could not encode {video} (exit code {ffmpeg.ExitCode})");
            }
        }

        Directory.Delete(frames, recursive: true);
        string[] settings =
        [
            "--MeterOcr:Meters:0:Name=panel-meter",
            $"--MeterOcr:Meters:0:Url={video}",
            $"--MeterOcr:Meters:0:FrameWidth={MeterDisplaySpec.Width}",
            $"--MeterOcr:Meters:0:Region={region}",
            $"--MeterOcr:Meters:0:Kind={kind}",
            string.Create(CultureInfo.InvariantCulture, $"--MeterOcr:Meters:0:Digits={digits}"),
            string.Create(CultureInfo.InvariantCulture, $"--MeterOcr:Meters:0:Decimals={decimals}"),
            string.Create(CultureInfo.InvariantCulture, $"--MeterOcr:Meters:0:MaxKilowatts={Math.Max(1, kw * 2)}"),
        ];
        await File.WriteAllLinesAsync(Path.Combine(folder, "meter.args"), settings, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{video}: {seconds} s of a {kind} meter at {kw} kW from {start} kWh ({digits} digits, {decimals} decimals); agent settings in {Path.Combine(folder, "meter.args")}"));
        return 0;
    }

    private static double Number(string[] args, string name, double fallback, double min, double max)
    {
        var text = CliOptions.Value(args, name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}': use a number from {min} to {max}"));
    }
}
