namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Connected blobs (8-connected) of moving cells and, when given, foreground cells (<see cref="CellBackground"/>: a
/// person who stopped is still one blob), labelled once per frame; buffers reused.
/// </summary>
internal sealed class MotionBlobs
{
    private readonly CellGrid _grid;
    private readonly int[] _stack;

    public MotionBlobs(CellGrid grid)
    {
        _grid = grid;
        Labels = new int[grid.Count];
        Moving = new bool[grid.Count];
        Foreground = new bool[grid.Count];
        _stack = new int[grid.Count];
        MovingCells = new int[grid.Count];
    }

    /// <summary>Blob label of each cell (0: not moving; 1..<see cref="BlobCount"/>).</summary>
    public int[] Labels { get; }

    /// <summary>Whether each cell moved in the last frame (a labelled cell may be foreground only).</summary>
    public bool[] Moving { get; }

    /// <summary>Whether each cell was foreground (differs from the background) in the last frame.</summary>
    public bool[] Foreground { get; }

    /// <summary>The labelled cells (moving or foreground), first <see cref="MovingCount"/> entries.</summary>
    public int[] MovingCells { get; }

    public int MovingCount { get; private set; }

    public int BlobCount { get; private set; }

    public void Label(int[] cellCounts, bool[]? foreground = null)
    {
        ArgumentNullException.ThrowIfNull(cellCounts);
        Array.Clear(Labels);
        MovingCount = 0;
        BlobCount = 0;
        for (var c = 0; c < cellCounts.Length; c++)
        {
            var moving = cellCounts[c] >= _grid.MovingMinimum[c];
            var still = foreground is not null && foreground[c];
            Moving[c] = moving;
            Foreground[c] = still;
            if (moving || still)
            {
                Labels[c] = -1;
                MovingCells[MovingCount++] = c;
            }
        }

        var columns = _grid.Columns;
        var rows = _grid.Rows;
        for (var i = 0; i < MovingCount; i++)
        {
            var seed = MovingCells[i];
            if (Labels[seed] != -1)
            {
                continue;
            }

            var label = ++BlobCount;
            var top = 0;
            _stack[top++] = seed;
            Labels[seed] = label;
            while (top > 0)
            {
                var cell = _stack[--top];
                var cx = cell % columns;
                var cy = cell / columns;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = cy + dy;
                    if (ny < 0 || ny >= rows)
                    {
                        continue;
                    }

                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = cx + dx;
                        if (nx < 0 || nx >= columns)
                        {
                            continue;
                        }

                        var neighbour = (ny * columns) + nx;
                        if (Labels[neighbour] == -1)
                        {
                            Labels[neighbour] = label;
                            _stack[top++] = neighbour;
                        }
                    }
                }
            }
        }
    }
}
