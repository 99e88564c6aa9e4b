using System.Text.Json;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// Validated calibrations, one JSON file per source in <c>{Agent:DataDirectory}/calibration/{source}.json</c>, so a
/// restarted agent does not commission its machines again. Files are replaced atomically (written aside, then moved).
/// Delete a file to commission that machine again.
/// </summary>
internal sealed class CalibrationStore
{
    public CalibrationStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    public string Directory { get; }

    public string PathOf(string source) => Path.Combine(Directory, source + ".json");

    /// <summary>The stored calibration of <paramref name="source"/>; null when none is stored.</summary>
    /// <exception cref="JsonException">The file exists but is not a calibration.</exception>
    public MachineCalibration? Load(string source)
    {
        var path = PathOf(source);
        if (!File.Exists(path))
        {
            return null;
        }

        var calibration = JsonSerializer.Deserialize(File.ReadAllBytes(path), CalibrationJson.Default.MachineCalibration);
        return calibration is { RunningKw: > 0, IdleKw: >= 0, OffKw: >= 0 } && calibration.IdleKw < calibration.RunningKw
            ? calibration
            : throw new JsonException($"{path} does not hold usable levels");
    }

    /// <summary>Forgets the stored calibration of <paramref name="source"/> (it commissions again after a restart).</summary>
    public void Delete(string source) => File.Delete(PathOf(source));

    public void Save(string source, MachineCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(source);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(calibration, CalibrationJson.Default.MachineCalibration));
        File.Move(temporary, path, overwrite: true);
    }
}
