using System.Globalization;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>Prints a render's progress synchronously (in order), at most every tenth of the clip.</summary>
internal sealed class ConsoleProgress(string name, int total) : IProgress<int>
{
    private int _lastTenth = -1;

    public void Report(int value)
    {
        var tenth = value * 10 / Math.Max(1, total);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name}: {value}/{total} frames"));
        }
    }
}
