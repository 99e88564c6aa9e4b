using System.Globalization;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Scenes.MeterDisplays;
using DisplayKind = EdgeCredit.Scenes.MeterDisplays.DisplayKind;
using OpenCvSharp;

namespace EdgeCredit.Benchmarks.MeterOcr;

/// <summary>
/// Rendered meters filmed over time (one reading every 30 s, the load switching between off, idle and up to its
/// maximum) through the reader and the plausibility gate, with misreads injected into 10 % of the readings after the
/// OCR (a digit replaced, a digit lost or added so the value shifts tenfold, a step back). An accepted reading is
/// wrong when it differs from the truth: for a drum, the truth is either digit a turning wheel is between. A misread
/// that lands between the last accepted value and the rate limit is plausible and cannot be told from a true reading;
/// its error is bounded by the rate limit, and with register-based energy it only moves kWh between windows.
/// </summary>
internal static class SequenceEvaluation
{
    public static async Task<Timing> RunAsync(PpOcrEngine engine, int seedBase, int sequences, int frames, TextWriter output)
    {
        var timing = new Timing();
        await output.WriteLineAsync("\n## Sequences through the plausibility gate\n");
        await output.WriteLineAsync("| kind | readings | accepted | accepted wrong | refused by OCR | refused by gate | drum between digits: frames / accepted wrong | injected misreads | injected refused | injected accepted (plausible) | largest error accepted, steps |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|---|");
        var random = new Random(seedBase);
        foreach (var kind in Enum.GetValues<DisplayKind>())
        {
            var row = new int[9];
            long largestError = 0;
            for (var s = 0; s < sequences; s++)
            {
                var sequence = MeterSequence.Create(kind, seedBase + ((int)kind * 100) + s, frames, TimeSpan.FromSeconds(30));
                var format = new RegisterFormat(sequence.Digits, sequence.Decimals, LeadingZerosShown: true);
                var reader = new MeterDisplayReader(engine.Detector, engine.Recognizer, format, MeterOcrDefaults.MinConfidence) { GhostSegments = kind != DisplayKind.Drum };
                var gate = new RegisterPlausibility(sequence.MaxKilowatts, format.UnitKwh, MeterOcrDefaults.RebaselineAfter);
                var at = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
                foreach (var spec in sequence.Frames)
                {
                    at += sequence.Interval;
                    using var rendered = MeterDisplayRenderer.Render(spec);
                    using var grey = new Mat();
                    Cv2.CvtColor(rendered.Frame, grey, ColorConversionCodes.BGR2GRAY);
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var reading = reader.Read(grey, rendered.Region.ToPixels(grey.Width, grey.Height));
                    timing.Add(reading, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    row[0]++;
                    var fraction = spec.Register - Math.Floor(spec.Register);
                    var between = kind == DisplayKind.Drum && fraction is > 0.2 and < 0.8;
                    row[6] += between ? 1 : 0;
                    if (reading.Units is not { } units)
                    {
                        row[3]++;
                        continue;
                    }

                    var injected = random.NextDouble() < 0.1;
                    if (injected)
                    {
                        units = Misread(units, sequence.Digits, random);
                        row[7]++;
                    }

                    var verdict = gate.Check(units, at);
                    var truthLow = (long)Math.Floor(spec.Register);
                    var ok = units == truthLow || (kind == DisplayKind.Drum && units == truthLow + 1 && fraction > 0);
                    if (!verdict.Accepted)
                    {
                        row[4]++;
                        row[8] += injected ? 1 : 0;
                        continue;
                    }

                    row[1]++;
                    if (!ok)
                    {
                        row[2]++;
                        largestError = Math.Max(largestError, Math.Abs(units - truthLow));
                        row[5] += between ? 1 : 0;
                        await output.WriteLineAsync($"    accepted wrong {kind} seed {spec.Seed}: truth {spec.Register:0.00} read {units}{(injected ? " (injected)" : string.Empty)}");
                    }
                }
            }

            var injectedAccepted = row[7] - row[8];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {row[0]} | {row[1]} | {row[2]} | {row[3]} | {row[4]} | {(kind == DisplayKind.Drum ? $"{row[6]} / {row[5]}" : "-")} | {row[7]} | {row[8]} | {injectedAccepted} | {largestError} |"));
        }

        return timing;
    }

    /// <summary>A misread as OCR makes them: one digit replaced, the value shifted a decade (digit lost or doubled), or one step back.</summary>
    private static long Misread(long units, int digits, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                var position = random.Next(digits);
                var scale = (long)Math.Pow(10, position);
                var old = units / scale % 10;
                var replacement = (old + random.Next(1, 10)) % 10;
                return units + ((replacement - old) * scale);
            case 1:
                return random.Next(2) == 0 ? units / 10 : Math.Min(units * 10, (long)Math.Pow(10, digits) - 1);
            default:
                return Math.Max(0, units - random.Next(1, 50));
        }
    }

    /// <summary>Cost of each reading on one core.</summary>
    internal sealed class Timing
    {
        private readonly List<double> _detect = [];
        private readonly List<double> _recognize = [];
        private readonly List<double> _total = [];

        public void Add(DisplayReading reading, double totalMs)
        {
            _detect.Add(reading.DetectMs);
            _recognize.Add(reading.RecognizeMs);
            _total.Add(totalMs);
        }

        public async Task PrintAsync(TextWriter output)
        {
            static string Line(string name, List<double> ms)
            {
                var sorted = ms.Order().ToArray();
                return string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted.Average():0.0} | {sorted[sorted.Length / 2]:0.0} | {sorted[(int)(sorted.Length * 0.95)]:0.0} |");
            }

            if (_total.Count == 0)
            {
                await output.WriteLineAsync("\n## Cost per meter reading: not measured (no sequences read; --sequences 0)");
                return;
            }

            await output.WriteLineAsync($"\n## Cost per meter reading on one core ({_total.Count} readings of 640x480 frames, region about 360x230 px, detector input 640 px on the longer side)\n");
            await output.WriteLineAsync("| step | mean ms | median ms | p95 ms |");
            await output.WriteLineAsync("|---|---|---|---|");
            await output.WriteLineAsync(Line("detection (resize, normalise, DB net, post-processing)", _detect));
            await output.WriteLineAsync(Line("recognition (warp crop, normalise, SVTR net, CTC)", _recognize));
            await output.WriteLineAsync(Line("whole reading (region crop to parsed register)", _total));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"\nReadings per second per core: {1000 / _total.Average():0.0} (one meter read every 30 s costs {_total.Average() / 30000 * 100:0.00} % of a core)."));
        }
    }
}
