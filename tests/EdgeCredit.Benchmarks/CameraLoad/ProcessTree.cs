using System.Globalization;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>CPU seconds of a process and its live children (the agent's ffmpeg decoders), read from /proc.</summary>
internal static class ProcessTree
{
    /// <summary>utime+stime of the process, cutime+cstime of its reaped children, and utime+stime of its live children.</summary>
    public static double CpuSeconds(int pid)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            var fields = Fields(id);
            if (fields is null)
            {
                continue;
            }

            // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
            if (id == pid)
            {
                total += Ticks(fields, 11) + Ticks(fields, 12) + Ticks(fields, 13) + Ticks(fields, 14);
            }
            else if (fields[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                total += Ticks(fields, 11) + Ticks(fields, 12);
            }
        }

        return total / 100.0;
    }

    /// <summary>Sum of VmRSS (MiB) of the live children of <paramref name="pid"/> (the ffmpeg decoders).</summary>
    public static double ChildrenMemoryMiB(int pid)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id != pid
                && Fields(id) is { } fields && fields[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                try
                {
                    total += ProcStat.MemoryMiB(id);
                }
                catch (IOException)
                {
                    // the child ended while we looked
                }
            }
        }

        return total;
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended while we looked
        }
    }
}
