using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// One region's view of a frame's motion. Cells at least half covered by the region are inside; cells within
/// <see cref="RingCells"/> of them (or touched by the polygon) are its border ring and neutral, as are cells inside
/// other regions; every other cell is outside. A conveyor's ring is as wide as the conveyor is high: its load stands out
/// of the belt the installer outlines. A blob of moving cells that has cells inside and also reaches an
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
    private readonly int _ring;

    /// <param name="grid">The camera's cell grid.</param>
    /// <param name="coverage">Share of each cell covered by this region.</param>
    /// <param name="othersCoverage">Share of each cell covered by the camera's other regions.</param>
    /// <param name="kind">The region's kind (a conveyor gets a ring as wide as it is high).</param>
    public RegionMotion(CellGrid grid, double[] coverage, double[] othersCoverage, RegionKind kind = RegionKind.Machine)
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

        var rows = Enumerable.Range(0, grid.Rows).Count(y => Enumerable.Range(0, grid.Columns).Any(x => _class[(y * grid.Columns) + x] == Inside));
        _ring = kind == RegionKind.Conveyor ? Math.Max(RingCells, rows) : RingCells;
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

    /// <summary>Share of the region's pixels moving in the last frame, passing blobs included.</summary>
    public double TotalShare { get; private set; }

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

        long confined = 0, total = 0;
        var passing = false;
        for (var i = 0; i < blobs.MovingCount; i++)
        {
            var c = moving[i];
            if (_class[c] != Inside)
            {
                continue;
            }

            total += cellCounts[c];
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
        TotalShare = _insidePixels == 0 ? 0 : (double)total / _insidePixels;
    }

    private bool NearInside(CellGrid grid, int cell)
    {
        var cx = cell % grid.Columns;
        var cy = cell / grid.Columns;
        for (var y = Math.Max(0, cy - _ring); y <= Math.Min(grid.Rows - 1, cy + _ring); y++)
        {
            for (var x = Math.Max(0, cx - _ring); x <= Math.Min(grid.Columns - 1, cx + _ring); x++)
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
