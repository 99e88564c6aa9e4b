namespace EdgeCredit.Agent.Vision;

/// <summary>
/// One region's view of a frame's motion. Cells at least half covered by the region are inside; cells within
/// <see cref="RingCells"/> of them (or touched by the polygon) are its border ring and neutral, as are cells inside
/// other regions; every other cell is outside. A blob of moving cells that has cells inside and also reaches an
/// outside cell came in from elsewhere (a person, a forklift): it is passing motion, not the machine's.
/// </summary>
internal sealed class RegionMotion
{
    /// <summary>Width of the neutral border ring, in cells (8 px at 320 wide): a machine's own motion may spill this far.</summary>
    public const int RingCells = 2;

    private const byte Outside = 0;
    private const byte Inside = 1;
    private const byte Neutral = 2;

    private readonly byte[] _class;
    private readonly bool[] _passingBlob;
    private readonly int _insidePixels;

    /// <param name="grid">The camera's cell grid.</param>
    /// <param name="coverage">Share of each cell covered by this region.</param>
    /// <param name="othersCoverage">Share of each cell covered by the camera's other regions.</param>
    public RegionMotion(CellGrid grid, double[] coverage, double[] othersCoverage)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(othersCoverage);
        _class = new byte[grid.Count];
        _passingBlob = new bool[grid.Count + 1];
        for (var c = 0; c < grid.Count; c++)
        {
            if (coverage[c] >= 0.5)
            {
                _class[c] = Inside;
                _insidePixels += grid.PixelsPerCell[c];
            }
        }

        for (var c = 0; c < grid.Count; c++)
        {
            if (_class[c] == Inside)
            {
                continue;
            }

            if (coverage[c] > 0 || othersCoverage[c] >= 0.5 || NearInside(grid, c))
            {
                _class[c] = Neutral;
            }
        }

        InsideCells = _class.Count(k => k == Inside);
    }

    public int InsideCells { get; }

    /// <summary>Share of the region's pixels moving in the last frame, without passing blobs.</summary>
    public double ConfinedShare { get; private set; }

    /// <summary>A blob in the last frame was inside the region and also reached outside it.</summary>
    public bool Passing { get; private set; }

    public void Evaluate(MotionBlobs blobs, int[] cellCounts)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(cellCounts);
        Array.Clear(_passingBlob, 0, blobs.BlobCount + 1);
        var moving = blobs.MovingCells;
        for (var i = 0; i < blobs.MovingCount; i++)
        {
            var c = moving[i];
            if (_class[c] == Outside)
            {
                _passingBlob[blobs.Labels[c]] = true;
            }
        }

        long confined = 0;
        var passing = false;
        for (var i = 0; i < blobs.MovingCount; i++)
        {
            var c = moving[i];
            if (_class[c] != Inside)
            {
                continue;
            }

            if (_passingBlob[blobs.Labels[c]])
            {
                passing = true;
            }
            else
            {
                confined += cellCounts[c];
            }
        }

        Passing = passing;
        ConfinedShare = _insidePixels == 0 ? 0 : (double)confined / _insidePixels;
    }

    /// <summary>Share of the region's pixels moving in the last frame, passing blobs included.</summary>
    public double TotalShare(MotionBlobs blobs, int[] cellCounts)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(cellCounts);
        long total = 0;
        for (var i = 0; i < blobs.MovingCount; i++)
        {
            var c = blobs.MovingCells[i];
            if (_class[c] == Inside)
            {
                total += cellCounts[c];
            }
        }

        return _insidePixels == 0 ? 0 : (double)total / _insidePixels;
    }

    private bool NearInside(CellGrid grid, int cell)
    {
        var cx = cell % grid.Columns;
        var cy = cell / grid.Columns;
        for (var y = Math.Max(0, cy - RingCells); y <= Math.Min(grid.Rows - 1, cy + RingCells); y++)
        {
            for (var x = Math.Max(0, cx - RingCells); x <= Math.Min(grid.Columns - 1, cx + RingCells); x++)
            {
                if (_class[(y * grid.Columns) + x] == Inside)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
