namespace EdgeCredit.Agent.Vision;

/// <summary>
/// The frame cut into square cells of about 1/80 of the width (4 px at 320 wide, 8 px at 640): motion is counted per
/// cell, and connectivity (does a blob reach into a region from outside?) is worked out on cells, not pixels.
/// </summary>
internal sealed class CellGrid
{
    /// <summary>A cell moves when at least this share of its pixels moves.</summary>
    public const double MovingCellShare = 0.15;

    public CellGrid(int width, int height)
    {
        Width = width;
        Height = height;
        CellSize = Math.Max(1, (int)Math.Round(width / 80.0));
        Columns = (width + CellSize - 1) / CellSize;
        Rows = (height + CellSize - 1) / CellSize;
        ColumnOf = new int[width];
        for (var x = 0; x < width; x++)
        {
            ColumnOf[x] = x / CellSize;
        }

        PixelsPerCell = new int[Columns * Rows];
        MovingMinimum = new int[Columns * Rows];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                PixelsPerCell[((y / CellSize) * Columns) + ColumnOf[x]]++;
            }
        }

        for (var c = 0; c < MovingMinimum.Length; c++)
        {
            MovingMinimum[c] = Math.Max(1, (int)Math.Ceiling(MovingCellShare * PixelsPerCell[c]));
        }
    }

    /// <summary>Moving pixels that make each cell a moving cell (<see cref="MovingCellShare"/> of its pixels, at least 1).</summary>
    public int[] MovingMinimum { get; }

    public int Width { get; }

    public int Height { get; }

    public int CellSize { get; }

    public int Columns { get; }

    public int Rows { get; }

    public int Count => Columns * Rows;

    /// <summary>Cell column of each pixel column.</summary>
    public int[] ColumnOf { get; }

    public int[] PixelsPerCell { get; }

    /// <summary>Share of each cell's pixels that a pixel mask covers.</summary>
    public double[] Coverage(byte[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var counts = new int[Count];
        for (var y = 0; y < Height; y++)
        {
            var row = (y / CellSize) * Columns;
            for (var x = 0; x < Width; x++)
            {
                counts[row + ColumnOf[x]] += mask[(y * Width) + x];
            }
        }

        var coverage = new double[Count];
        for (var c = 0; c < Count; c++)
        {
            coverage[c] = PixelsPerCell[c] == 0 ? 0 : (double)counts[c] / PixelsPerCell[c];
        }

        return coverage;
    }
}
