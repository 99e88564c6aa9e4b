using System.Globalization;
using OpenCvSharp;

namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// <c>meters [--set tune|eval] [--per-cell N] [--out DIR]</c>: writes the rendered meter displays of a seed family as PNG
/// frames with a truth CSV (file, kind, degradation, digits, decimals, register text, region polygon), for inspection
/// and the demo. Default folder: $TMPDIR/edgecredit-meters/SET.
/// </summary>
internal static class MeterDisplayCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var set = CliOptions.Set(args);
        var perCell = int.Parse(CliOptions.Value(args, "per-cell") ?? "5", CultureInfo.InvariantCulture);
        if (perCell is < 1 or > MeterDisplayCatalogue.MaxPerCell)
        {
            throw new ArgumentException($"per-cell {perCell}: use 1 to {MeterDisplayCatalogue.MaxPerCell}");
        }

        var folder = CliOptions.Value(args, "out") ?? Path.Combine(Path.GetTempPath(), "edgecredit-meters", set.ToString().ToLowerInvariant());
        Directory.CreateDirectory(folder);
        var lines = new List<string> { "file,kind,degradation,digits,decimals,register,region" };
        foreach (var spec in MeterDisplayCatalogue.Cases(set, perCell))
        {
            using var rendered = MeterDisplayRenderer.Render(spec);
            var file = $"{spec.Kind}-{spec.Degradation}-{spec.Seed}.png";
            Cv2.ImWrite(Path.Combine(folder, file), rendered.Frame);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{file},{spec.Kind},{spec.Degradation},{spec.Digits},{spec.Decimals},{spec.Text},\"{rendered.Region.ToPolygon()}\""));
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, "truth.csv"), lines);
        await output.WriteLineAsync($"{lines.Count - 1} meter displays written to {folder}");
        return 0;
    }
}
