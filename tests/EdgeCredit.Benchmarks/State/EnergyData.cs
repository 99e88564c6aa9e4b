using System.Globalization;

namespace EdgeCredit.Benchmarks.State;

/// <summary>Loads the real energy files from <c>../shared/data/energy/</c> (next to the repository).</summary>
internal static class EnergyData
{
    /// <summary>First timestamp of the CNC held-out split (the training script uses the same boundary).</summary>
    public static readonly DateTime CncSplit = new(2023, 5, 5, 9, 35, 0);

    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EdgeCredit.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "energy"));
                }
            }

            throw new DirectoryNotFoundException("EdgeCredit.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>CNC rows: time, machine kW, spindle RPM, spindle current.</summary>
    public static IReadOnlyList<CncRow> Cnc()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, "cnc_machine_spindle_power_1s.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        int time = Col("time"), kw = Col("kW_machine"), rpm = Col("RPM"), amps = Col("I_avg_spindle");
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(f => new CncRow(
            DateTime.ParseExact(f[time], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double.Parse(f[kw], CultureInfo.InvariantCulture),
            double.Parse(f[rpm], CultureInfo.InvariantCulture),
            double.Parse(f[amps], CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// Steel rows as 15-minute intervals: start of the interval (the file stamps the END; its midnight row
    /// <c>dd/mm/yyyy 0:00</c> ends that day, so it belongs to the previous day) and mean kW (= kWh × 4).
    /// </summary>
    public static IReadOnlyList<SteelRow> Steel()
    {
        var rows = new List<SteelRow>();
        foreach (var line in File.ReadLines(Path.Combine(Directory, "Steel_industry_data.csv")).Skip(1))
        {
            var f = line.Split(',');
            var stamp = DateTime.ParseExact(f[0], "dd/MM/yyyy H:mm", CultureInfo.InvariantCulture);
            if (stamp.TimeOfDay == TimeSpan.Zero)
            {
                stamp = stamp.AddDays(1); // 0:00 of day D is 24:00 of day D
            }

            rows.Add(new SteelRow(stamp.AddMinutes(-15), double.Parse(f[1], CultureInfo.InvariantCulture) * 4));
        }

        rows.Sort((a, b) => a.Start.CompareTo(b.Start));
        return rows;
    }
}

internal readonly record struct CncRow(DateTime Time, double Kilowatts, double Rpm, double SpindleAmps);

internal readonly record struct SteelRow(DateTime Start, double Kilowatts);
