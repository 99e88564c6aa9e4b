namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>Counters of one OCR meter: frames read, readings accepted, refused per reason, new baselines. Thread-safe.</summary>
internal sealed class OcrMeterStats
{
    private readonly long[] _refused = new long[Enum.GetValues<ReadingRejection>().Length];
    private long _reads;
    private long _accepted;
    private long _rebaselines;

    public long Reads => Interlocked.Read(ref _reads);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rebaselines => Interlocked.Read(ref _rebaselines);

    public long RefusedTotal => _refused.Sum(v => Interlocked.Read(ref v));

    public long Refused(ReadingRejection reason) => Interlocked.Read(ref _refused[(int)reason]);

    public void Count(ReadingRejection outcome, bool rebaselined)
    {
        Interlocked.Increment(ref _reads);
        if (outcome == ReadingRejection.None)
        {
            Interlocked.Increment(ref _accepted);
            if (rebaselined)
            {
                Interlocked.Increment(ref _rebaselines);
            }
        }
        else
        {
            Interlocked.Increment(ref _refused[(int)outcome]);
        }
    }
}
