using EdgeCredit.Collector.Operations;

namespace EdgeCredit.Collector.Tests.Operations;

public sealed class RollingMedianTests
{
    [Fact]
    public void Median_OverCapacity_OnlyTheLastValuesCountWithDuplicates()
    {
        var median = new RollingMedian(4);
        Assert.True(double.IsNaN(median.Median));

        foreach (var v in new[] { 100.0, 5, 5, 1 })
        {
            median.Add(v);
        }

        Assert.Equal(5, median.Median); // 1 5 5 100
        median.Add(7); // 100 leaves: 1 5 5 7
        Assert.Equal(5, median.Median);
        median.Add(9); // the first 5 leaves: 1 5 7 9
        Assert.Equal(6, median.Median);
        median.Add(2); // the second 5 leaves: 1 7 9 2
        Assert.Equal(4.5, median.Median); // sorted 1 2 7 9
        Assert.Equal(4, median.Count);
    }

    [Fact]
    public void Median_AgainstSortingTheWindow_SameOnRandomValues()
    {
        var random = new Random(7);
        var median = new RollingMedian(20);
        var window = new Queue<double>();
        for (var i = 0; i < 500; i++)
        {
            var v = Math.Round(random.NextDouble() * 10, 1); // many duplicates
            median.Add(v);
            window.Enqueue(v);
            if (window.Count > 20)
            {
                window.Dequeue();
            }

            var sorted = window.Order().ToArray();
            var expected = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            Assert.Equal(expected, median.Median, 12);
        }
    }
}
