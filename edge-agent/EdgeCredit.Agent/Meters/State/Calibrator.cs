using System.Globalization;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// Per-machine auto-calibration. During commissioning it keeps the machine's power samples; then it learns the off
/// threshold, the idle level and the running level by clustering log power (k-means, three levels when they are
/// well separated, else two), and rejects levels it cannot defend: too few samples, a level held by too few samples,
/// idle and running too close or overlapping, no idle level seen. After learning, the tracker runs the model over a
/// validation period and <see cref="FinishValidation"/> accepts the levels only if the model was confident.
/// </summary>
internal sealed class Calibrator
{
    /// <summary>Samples kept at most; beyond it every other sample is dropped and the stride doubles.</summary>
    public const int MaxKept = 65_536;

    /// <summary>The longest step between two samples counted as observed time.</summary>
    private static readonly TimeSpan MaxStep = TimeSpan.FromHours(1);

    private readonly MachineStateOptions _options;
    private readonly List<double> _samples = [];
    private int _stride = 1;
    private int _seen;
    private TimeSpan _observed;
    private DateTimeOffset? _last;
    private TimeSpan _validated;
    private double _confidenceSum;
    private int _validationSamples;
    private int _validationAbove;

    public Calibrator(MachineStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Commissioning samples seen so far.</summary>
    public int Seen => _seen;

    /// <summary>Share of the commissioning period observed, 0..1.</summary>
    public double Progress => Math.Min(1, _observed / _options.CommissioningPeriod);

    public bool CommissioningComplete => _observed >= _options.CommissioningPeriod && _seen >= _options.MinCommissioningSamples;

    public bool ValidationComplete => _validated >= _options.ValidationPeriod;

    /// <summary>Adds a commissioning sample.</summary>
    public void Add(DateTimeOffset at, double kilowatts)
    {
        _observed += Step(at);
        if (_seen++ % _stride == 0)
        {
            _samples.Add(Math.Max(0, kilowatts));
        }

        if (_samples.Count >= MaxKept)
        {
            for (var i = 0; i < _samples.Count / 2; i++)
            {
                _samples[i] = _samples[2 * i];
            }

            _samples.RemoveRange(_samples.Count / 2, _samples.Count - (_samples.Count / 2));
            _stride *= 2;
        }
    }

    /// <summary>A missing sample: the time until the next one is not observed.</summary>
    public void Gap() => _last = null;

    /// <summary>Starts over (after a rejection).</summary>
    public void Reset()
    {
        _samples.Clear();
        _stride = 1;
        _seen = 0;
        _observed = TimeSpan.Zero;
        _last = null;
        _validated = TimeSpan.Zero;
        _confidenceSum = 0;
        _validationSamples = 0;
        _validationAbove = 0;
    }

    /// <summary>Learns levels from the commissioning samples.</summary>
    public CalibrationResult Learn(DateTimeOffset at)
    {
        var result = Learn(_samples, _options, at);
        _last = null;
        return result.Levels is { } levels ? result with { Levels = levels with { Samples = _seen } } : result;
    }

    /// <summary>Adds one validation sample and the model's prediction for it with the learned levels.</summary>
    public void AddValidation(DateTimeOffset at, double kilowatts, MachineCalibration levels, StatePrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(levels);
        _validated += Step(at);
        _validationAbove += kilowatts > LevelWatch.HighFactor * levels.RunningKw ? 1 : 0;
        _confidenceSum += prediction.Confidence;
        _validationSamples++;
    }

    /// <summary>Accepts the learned levels when the model was confident on the validation period.</summary>
    public CalibrationResult FinishValidation(MachineCalibration levels, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var confidence = _validationSamples == 0 ? 1 : _confidenceSum / _validationSamples;
        var above = _validationSamples == 0 ? 0 : (double)_validationAbove / _validationSamples;
        if (above > LevelWatch.MaxHighShare)
        {
            return CalibrationResult.Reject(string.Create(CultureInfo.InvariantCulture,
                $"during validation {above:P0} of the samples were above {LevelWatch.HighFactor}x the learned running level {levels.RunningKw:0.###} kW: the learned levels were probably off (standby) and idle, not idle and running"));
        }

        if (confidence < _options.MinConfidence)
        {
            return CalibrationResult.Reject(string.Create(CultureInfo.InvariantCulture,
                $"the model was unsure with these levels on the validation period (mean confidence {confidence:0.00} over {_validationSamples} samples, need {_options.MinConfidence:0.00})"));
        }

        return new CalibrationResult(levels with { ValidatedAt = at, ValidationConfidence = confidence }, null);
    }

    /// <summary>Learns off threshold, idle level and running level from power samples (kW).</summary>
    public static CalibrationResult Learn(IReadOnlyList<double> kilowatts, MachineStateOptions options, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(kilowatts);
        ArgumentNullException.ThrowIfNull(options);
        if (kilowatts.Count < options.MinCommissioningSamples)
        {
            return CalibrationResult.Reject($"only {kilowatts.Count} samples (need {options.MinCommissioningSamples})");
        }

        var kw = kilowatts.Select(v => Math.Max(0, v)).Order().ToArray();
        var top = LevelClustering.Quantile(kw, 0.99);
        if (top <= 0)
        {
            return CalibrationResult.Reject("no power was drawn (every sample 0 kW): the machine was off during commissioning");
        }

        // Log power with a floor of 0.1 % of the top, so that zeros and a standby floor form one low level.
        var eps = top * 1e-3;
        var log = kw.Select(v => Math.Log(v + eps)).ToArray();
        var three = Levels(kw, log, 3, options);
        var two = Levels(kw, log, 2, options);
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

        if (three.Problem is null)
        {
            var (off, idle, running) = (three.Ranges[0], three.Ranges[1], three.Ranges[2]);
            var offKw = Math.Min(Math.Sqrt((LevelClustering.Quantile(off, 0.95) + eps) * LevelClustering.Quantile(idle, 0.05)), three.Medians[1] * 0.5);
            return Accept(offKw, three.Medians[1], three.Medians[2], at);
        }

        if (two.Problem is not null)
        {
            var single = LevelClustering.Quantile(kw, 0.5);
            return CalibrationResult.Reject($"cannot tell idle from running: {two.Problem} (median {F(single)} kW, p10 {F(LevelClustering.Quantile(kw, 0.1))} kW, p90 {F(LevelClustering.Quantile(kw, 0.9))} kW); "
                + "commission over a period with both idle and running, or set MachineState:Overrides for this source");
        }

        if (two.Medians[0] < two.Medians[1] * 0.025)
        {
            return CalibrationResult.Reject($"saw only off (about {F(two.Medians[0])} kW) and running (about {F(two.Medians[1])} kW), no idle level; "
                + "commission over a period that includes idle, or set MachineState:Overrides for this source");
        }

        return Accept(two.Medians[0] / 3, two.Medians[0], two.Medians[1], at);
    }

    private static CalibrationResult Accept(double offKw, double idleKw, double runningKw, DateTimeOffset at) =>
        new(new MachineCalibration { OffKw = offKw, IdleKw = idleKw, RunningKw = runningKw, Origin = CalibrationOrigin.Learned, LearnedAt = at }, null);

    private static Clusters Levels(double[] kw, double[] log, int k, MachineStateOptions options)
    {
        var bounds = LevelClustering.Split(log, k);
        var ranges = new double[k][];
        var medians = new double[k];
        for (var i = 0; i < k; i++)
        {
            ranges[i] = kw[bounds[i]..bounds[i + 1]];
            medians[i] = LevelClustering.Quantile(ranges[i], 0.5);
        }

        string? problem = null;
        for (var i = 0; i < k && problem is null; i++)
        {
            var share = (double)ranges[i].Length / kw.Length;
            if (share < options.MinStateShare)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the level near {medians[i]:0.###} kW holds only {share:P1} of the samples (need {options.MinStateShare:P0})");
            }
            else if (i > 0)
            {
                var ratio = medians[i] / Math.Max(medians[i - 1], 1e-12);
                var gap = Mean(log.AsSpan(bounds[i]..bounds[i + 1])) - Mean(log.AsSpan(bounds[i - 1]..bounds[i]));
                var spread = LevelClustering.Spread(log.AsSpan(bounds[i - 1]..bounds[i])) + LevelClustering.Spread(log.AsSpan(bounds[i]..bounds[i + 1]));
                if (ratio < options.MinSeparation)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"levels {medians[i - 1]:0.###} kW and {medians[i]:0.###} kW are only {ratio:0.00}x apart (need {options.MinSeparation:0.##}x)");
                }
                else if (gap < 2 * spread)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"levels {medians[i - 1]:0.###} kW and {medians[i]:0.###} kW overlap (no clear gap between them)");
                }
            }
        }

        return new Clusters(ranges, medians, problem);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private TimeSpan Step(DateTimeOffset at)
    {
        var step = _last is { } last && at > last ? at - last : TimeSpan.Zero;
        _last = at;
        return step > MaxStep ? MaxStep : step;
    }

    private sealed record Clusters(double[][] Ranges, double[] Medians, string? Problem);
}
