using System.Diagnostics;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Vision;
using Microsoft.Extensions.Configuration;
using OpenCvSharp;

namespace EdgeCredit.Agent.Commissioning;

/// <summary>
/// <c>EdgeCredit.Agent commission [--out DIR] [--Section:Key=value ...]</c>: for each configured camera, grabs one
/// frame with ffmpeg at the camera's own resolution and writes <c>{camera}-regions.png</c> with the privacy masks
/// filled and the regions drawn and named, so the installer can check them. Reads the same configuration as the agent
/// (appsettings.json next to the program, environment variables, command line). Exit code 0 when every camera gave a
/// picture, 1 when one did not, 2 on bad configuration. Pictures stay on the box.
/// </summary>
internal static class CommissionCommand
{
    private static readonly TimeSpan GrabTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var outIndex = Array.IndexOf(args, "--out");
        var configArgs = outIndex >= 0 ? [.. args.Take(outIndex), .. args.Skip(outIndex + 2)] : args;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configArgs)
            .Build();
        var agent = configuration.GetSection(AgentOptions.SectionName).Get<AgentOptions>() ?? new AgentOptions();
        var vision = configuration.GetSection(VisionOptions.SectionName).Get<VisionOptions>() ?? new VisionOptions();
        var cameras = new CamerasOptions();
        configuration.GetSection(CamerasOptions.SectionName).Bind(cameras);
        if (cameras.Sources.Count == 0)
        {
            await errors.WriteLineAsync("EdgeCredit commission: no cameras configured (Cameras:Sources is empty); add one, e.g. --Cameras:Sources:0:Name=cam-1 --Cameras:Sources:0:Url=rtsp://...");
            return ConfigurationErrors.ExitCode;
        }

        if (!File.Exists(cameras.FfmpegPath))
        {
            await errors.WriteLineAsync($"EdgeCredit commission: Cameras:FfmpegPath = '{cameras.FfmpegPath}' does not exist: install it with `apt-get install ffmpeg` or set Cameras:FfmpegPath.");
            return ConfigurationErrors.ExitCode;
        }

        var outDir = outIndex >= 0 && outIndex + 1 < args.Length
            ? args[outIndex + 1]
            : Path.Combine(AppContext.BaseDirectory, agent.DataDirectory, "commissioning");
        Directory.CreateDirectory(outDir);
        var failed = 0;
        for (var i = 0; i < cameras.Sources.Count; i++)
        {
            var camera = cameras.Sources[i];
            await output.WriteLineAsync($"[{i + 1}/{cameras.Sources.Count}] {camera.Name}: grabbing a frame from {CameraUrl.Mask(camera.Url)} ...");
            var raw = Path.Combine(outDir, camera.Name + "-snapshot.png");
            var problem = await GrabAsync(cameras.FfmpegPath, camera.Url, raw);
            if (problem is not null)
            {
                failed++;
                await errors.WriteLineAsync($"  {camera.Name}: no picture: {problem}. Check Cameras:Sources:{i}:Url and that the camera is reachable from this box.");
                continue;
            }

            using var image = Cv2.ImRead(raw, ImreadModes.Color);
            var referenceDirectory = VisionAnalyzers.ReferenceDirectoryOf(vision, agent, AppContext.BaseDirectory);
            SaveReference(image, camera, referenceDirectory);
            await output.WriteLineAsync($"  {camera.Name}: reference scene saved in {referenceDirectory} (the \"moved\" and \"defocused\" checks compare against it)");
            SnapshotRenderer.Draw(image, camera);
            var drawn = Path.Combine(outDir, camera.Name + "-regions.png");
            Cv2.ImWrite(drawn, image);
            await output.WriteLineAsync($"  {camera.Name}: {image.Width}x{image.Height}, {camera.Regions.Count} regions, {camera.PrivacyMasks.Count} masks -> {drawn}");
        }

        return failed == 0 ? 0 : 1;
    }

    private static string[] InputArguments(string url) => CameraUrl.KindOf(url) switch
    {
        CameraSourceKind.Rtsp => ["-rtsp_transport", "tcp", "-i", url],
        CameraSourceKind.Device => ["-f", "v4l2", "-i", url],
        _ => ["-i", url],
    };

    /// <summary>The reference scene at the camera's analysis size, privacy masks blanked as the analysis will see them.</summary>
    private static void SaveReference(Mat image, CameraOptions camera, string directory)
    {
        using var grey = new Mat();
        Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
        var width = camera.AnalysisWidth;
        var height = Math.Max(2, (int)Math.Round(image.Height * (double)width / image.Width / 2) * 2);
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(width, height), interpolation: InterpolationFlags.Area);
        foreach (var mask in camera.PrivacyMasks)
        {
            if (NormalizedPolygon.TryParse(mask, out var polygon, out _))
            {
                Cv2.FillPoly(small, [[.. polygon!.ToPixels(width, height).Select(p => new Point(p.X, p.Y))]], Scalar.Black);
            }
        }

        var pixels = new byte[width * height];
        small.GetArray(out byte[] data);
        data.AsSpan(0, pixels.Length).CopyTo(pixels);
        Directory.CreateDirectory(directory);
        SceneReference.FromFrame(pixels, width, height, DateTimeOffset.UtcNow).Save(directory, camera.Name);
    }

    /// <summary>One frame of the stream as a PNG; null on success, else what went wrong.</summary>
    private static async Task<string?> GrabAsync(string ffmpeg, string url, string pngPath)
    {
        var info = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-hide_banner", "-loglevel", "error", "-y", .. InputArguments(url), "-frames:v", "1", "-f", "image2", pngPath])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(GrabTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return $"no frame within {GrabTimeout.TotalSeconds:0} s";
        }

        var text = (await stderr).Trim();
        return process.ExitCode == 0 && File.Exists(pngPath) ? null : $"ffmpeg exited with code {process.ExitCode}: {CameraUrl.Mask(text)}";
    }
}
