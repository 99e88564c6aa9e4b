namespace EdgeCredit.Agent.Vision;

/// <summary>
/// A background of each <see cref="CellGrid"/> cell's mean grey, from the 160-wide thumbnail the health checks already
/// make: a cell whose gain-normalized mean differs from its background by more than <see cref="ForegroundLevels"/> is
/// foreground. Foreground is not activity (only motion is); it lets a person who stopped, and moves only the arms, stay
/// one blob with the legs and so stay a passer (<see cref="MotionBlobs"/>, <see cref="RegionMotion"/>). Quiet cells
/// follow slow changes within <see cref="FollowTime"/>, foreground cells are absorbed within <see cref="AbsorbTime"/>
/// (a machine that stopped in a new position, a pallet put down), moving cells are left as they are. The gain is the
/// ratio of the background's mean to the frame's, so global lighting steps and drift cancel. Not thread-safe.
/// </summary>
internal sealed class CellBackground
{
    /// <summary>Difference of a cell's mean from its background, in grey levels, that makes it foreground.</summary>
    public const double ForegroundLevels = 12;

    /// <summary>Time constant with which a quiet cell's background follows it.</summary>
    public static readonly TimeSpan FollowTime = TimeSpan.FromSeconds(2);

    /// <summary>Time constant with which a still foreground cell becomes background.</summary>
    public static readonly TimeSpan AbsorbTime = TimeSpan.FromSeconds(60);

    private readonly CellGrid _grid;
    private readonly int[] _cellOfThumb;
    private readonly int[] _thumbPerCell;
    private readonly int[] _sums;
    private readonly float[] _background;
    private readonly float _follow;
    private readonly float _absorb;
    private bool _initialized;

    public CellBackground(CellGrid grid, int thumbWidth, int thumbHeight, double framesPerSecond)
    {
        ArgumentNullException.ThrowIfNull(grid);
        _grid = grid;
        _cellOfThumb = new int[thumbWidth * thumbHeight];
        _thumbPerCell = new int[grid.Count];
        _sums = new int[grid.Count];
        _background = new float[grid.Count];
        Foreground = new bool[grid.Count];
        for (var ty = 0; ty < thumbHeight; ty++)
        {
            var y = Math.Min(grid.Height - 1, (int)((ty + 0.5) * grid.Height / thumbHeight));
            for (var tx = 0; tx < thumbWidth; tx++)
            {
                var x = Math.Min(grid.Width - 1, (int)((tx + 0.5) * grid.Width / thumbWidth));
                var cell = ((y / grid.CellSize) * grid.Columns) + grid.ColumnOf[x];
                _cellOfThumb[(ty * thumbWidth) + tx] = cell;
                _thumbPerCell[cell]++;
            }
        }

        var fps = Math.Max(0.1, framesPerSecond);
        _follow = (float)(1 - Math.Exp(-1 / (fps * FollowTime.TotalSeconds)));
        _absorb = (float)(1 - Math.Exp(-1 / (fps * AbsorbTime.TotalSeconds)));
    }

    /// <summary>Foreground cells of the last frame.</summary>
    public bool[] Foreground { get; }

    /// <summary>Classifies the cells of a usable frame's thumbnail and updates the background.</summary>
    /// <param name="thumbnail">The frame's thumbnail (privacy masks already blanked).</param>
    /// <param name="cellCounts">Moving pixels per cell of the same frame.</param>
    public void Update(ReadOnlySpan<byte> thumbnail, int[] cellCounts)
    {
        ArgumentNullException.ThrowIfNull(cellCounts);
        Array.Clear(_sums);
        for (var i = 0; i < thumbnail.Length; i++)
        {
            _sums[_cellOfThumb[i]] += thumbnail[i];
        }

        if (!_initialized)
        {
            for (var c = 0; c < _sums.Length; c++)
            {
                _background[c] = _thumbPerCell[c] == 0 ? 0 : (float)_sums[c] / _thumbPerCell[c];
            }

            _initialized = true;
            return;
        }

        double frameTotal = 0, backgroundTotal = 0;
        for (var c = 0; c < _sums.Length; c++)
        {
            if (_thumbPerCell[c] > 0)
            {
                frameTotal += (double)_sums[c] / _thumbPerCell[c];
                backgroundTotal += _background[c];
            }
        }

        var gain = frameTotal < 1 ? 1f : (float)Math.Clamp(backgroundTotal / frameTotal, 0.25, 4);
        for (var c = 0; c < _sums.Length; c++)
        {
            if (_thumbPerCell[c] == 0)
            {
                continue;
            }

            var value = gain * _sums[c] / _thumbPerCell[c];
            var difference = value - _background[c];
            var foreground = Math.Abs(difference) > ForegroundLevels;
            Foreground[c] = foreground;
            if (cellCounts[c] < _grid.MovingMinimum[c])
            {
                _background[c] += (foreground ? _absorb : _follow) * difference;
            }
        }
    }
}
