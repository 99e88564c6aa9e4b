using System.Globalization;

namespace EdgeCredit.Benchmarks;

/// <summary>CPU time and resident memory of a process, read from /proc.</summary>
internal static class ProcStat
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux x86_64

    /// <summary>User + system CPU seconds consumed so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is state (field 3); utime is field 14, stime field 15
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    /// <summary>Resident set size in MiB (VmRSS), or VmHWM for the peak.</summary>
    public static double MemoryMiB(int pid, string field = "VmRSS")
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }
}
