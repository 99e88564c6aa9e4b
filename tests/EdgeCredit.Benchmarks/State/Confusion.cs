using System.Globalization;
using EdgeCredit.Agent.Meters;

namespace EdgeCredit.Benchmarks.State;

/// <summary>Confusion matrix of off/idle/running, counted in seconds.</summary>
internal sealed class Confusion
{
    private static readonly string[] Names = ["off", "idle", "running"];
    private readonly double[,] _seconds = new double[3, 3];

    public void Add(MachineState truth, MachineState predicted, double seconds) => _seconds[(int)truth, (int)predicted] += seconds;

    public double Total => Enumerable.Range(0, 9).Sum(i => _seconds[i / 3, i % 3]);

    public double Accuracy => Total == 0 ? double.NaN : Enumerable.Range(0, 3).Sum(i => _seconds[i, i]) / Total;

    public void Print(string indent)
    {
        Console.WriteLine($"{indent}{"true \\ predicted",-18}{"off",12}{"idle",12}{"running",12}   recall");
        for (var r = 0; r < 3; r++)
        {
            var row = Enumerable.Range(0, 3).Sum(c => _seconds[r, c]);
            var recall = row == 0 ? "-" : (_seconds[r, r] / row).ToString("P1", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{indent}{Names[r],-18}{_seconds[r, 0],12:0}{_seconds[r, 1],12:0}{_seconds[r, 2],12:0}   {recall}"));
        }
    }
}
