using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// One region's view of a frame's motion, with passers (people, forklifts) taken out.
/// <para>Cells at least half covered by the region are inside; cells within <see cref="RingCells"/> of them (or touched
/// by the polygon) are its border ring and neutral (a machine's own motion may spill that far; a conveyor's ring is as
/// wide as the conveyor is high, because its load stands out of the belt the installer outlines); every other cell,
/// other regions included, is outside. A blob of moving cells with cells inside that also reaches an outside cell came
/// in from elsewhere: it is <b>passing</b> motion.</para>
/// <para>Blobs are of moving and foreground cells (<see cref="CellBackground"/>), so a worker who stopped in front of a
/// machine and moves only the arms is still one blob with the legs outside it: still a passer. The cells (and one cell
/// around them) of a passing blob in the columns where it is outside the region (± a third of its height, at least
/// <see cref="ColumnMargin"/>: people stand upright, their body inside is above or below the part outside, arms reach a
/// little wider) are <b>hidden</b> for
/// <see cref="RegionSettings.NuisanceHold"/> after it last covered them; a belt merged into a walker's blob stays visible
/// beside the walker. Cells that moved as the region's own motion within <see cref="OwnGrace"/> are never hidden: a person
/// crossing a running machine merges with its moving part into one blob, and the machine must stay visible. The frame's evidence is the moving share of
/// the visible inside pixels; with less than <see cref="MinVisible"/> of them visible the frame is no evidence.</para>
/// <para>With people found by the detector and masked by body (a machine), the mask replaces the band inside their boxes,
/// and a blob that reaches outside only through their boxes and the other regions' cells hides nothing but the bodies:
/// a worker standing on a moving belt is otherwise one blob with the whole belt, and its band took every column.</para>
/// </summary>
internal sealed class RegionMotion
{
    /// <summary>Width of the neutral border ring, in cells (8 px at 320 wide): a machine's own motion may spill this far.</summary>
    public const int RingCells = 2;

    /// <summary>Below this share of the region's pixels visible, a frame is no evidence (not used for a machine masked by body once its part is learned).</summary>
    public const double MinVisible = 0.4;

    /// <summary>
    /// <see cref="MinVisible"/> for a conveyor: a belt moves along its whole length, so a sixth of it in view shows whether
    /// it runs, and walkers along it (their bands hidden) often leave no more.
    /// </summary>
    public const double ConveyorMinVisible = 0.15;

    /// <summary>
    /// Least cells either side of a passer's outside columns that are hidden with it; a third of the passer's height if
    /// more (a person's outside part is the legs, narrower than the torso and the arms that reach out from it).
    /// </summary>
    public const int ColumnMargin = 2;

    /// <summary>Below this share of a machine's moving part visible (once learned), a frame is no evidence.</summary>
    public const double MinPartVisible = 0.5;

    /// <summary>
    /// <see cref="MinPartVisible"/> when people are masked by body rather than by box: what is left in view is really in
    /// view, so a smaller share of the part is evidence.
    /// </summary>
    public const double MaskedMinPartVisible = 0.2;

    /// <summary>Share of a machine's moving part in view, masked by body, from which a hidden frame is a <see cref="Glimpse"/>.</summary>
    public const double GlimpsePartVisible = 0.1;

    /// <summary>Weight of one frame in each cell's learned moving-part frequency (about the last 150 clear running frames).</summary>
    private const double PartRate = 1.0 / 150;

    /// <summary>Clear running frames before the moving part is trusted.</summary>
    private const int PartLearnedAfter = 25;

    /// <summary>
    /// Moving share of a machine's visible inside pixels from which a frame shows where its moving part is, while that
    /// part is not learned yet (<see cref="PartLearnedAfter"/>): twice the default <see cref="RegionSettings.MotionShare"/>,
    /// so a frame only just active (an arm reaching past a worker's mask) does not move it.
    /// </summary>
    public const double RecentPartActivity = 0.02;

    /// <summary>The cells that moved in the frames this long before the last such frame are the recent moving part.</summary>
    public static readonly TimeSpan RecentPartSpan = TimeSpan.FromSeconds(2);

    /// <summary>A cell that moved as the region's own motion this recently is not hidden by a passer merging with it.</summary>
    public static readonly TimeSpan OwnGrace = TimeSpan.FromSeconds(1);

    private const byte Outside = 0;
    private const byte Inside = 1;
    private const byte Neutral = 2;

    private readonly CellGrid _grid;
    private readonly byte[] _class;
    private readonly int _insidePixels;
    private readonly int _ring;
    private readonly long _holdTicks;
    private readonly long[] _hiddenUntil;
    private readonly long[] _ownAt;
    private readonly double[] _part;
    private readonly long[] _movedAt;
    private long _lastActiveAt = long.MinValue / 2;
    private long _seenQuietFrom = long.MaxValue;
    private readonly bool _learnsPart;
    private readonly bool _conveyor;
    private bool[] _neighbours;
    private readonly double _minVisible;
    private int _partFrames;
    private readonly bool[] _blobOutside;
    private readonly bool[] _blobInside;
    private readonly bool[] _blobUnexplained;
    private readonly int[] _blobLeft;
    private readonly int[] _blobRight;
    private readonly int[] _blobTop;
    private readonly int[] _blobBottom;
    private readonly bool[] _masked;
    private bool _anyMasked;
    private readonly int[] _passSlot;
    private readonly bool[] _outsideColumns;
    private readonly bool[] _bandColumns;

    /// <summary>
    /// Whether this region claims a cell as its own motion's: its inside, and for a conveyor also its ring, where the
    /// load standing out of the belt moves.
    /// </summary>
    public bool Claims(int cell) => _class[cell] == Inside || (_conveyor && _class[cell] == Neutral);

    /// <summary>
    /// The cells the camera's other regions claim (<see cref="Claims"/>; set by the analyzer). A passing blob that reaches
    /// outside only through people's boxes and these cells is explained by the people (see <see cref="Evaluate"/>).
    /// </summary>
    public void SetNeighbours(bool[] claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        _neighbours = claimed.Length == _grid.Count ? claimed : throw new ArgumentException("one flag per cell", nameof(claimed));
    }

    /// <summary>Passing blobs per frame whose outside columns are kept one by one; more fall back to their outside span.</summary>
    private const int BandSlots = 8;

    /// <param name="grid">The camera's cell grid.</param>
    /// <param name="coverage">Share of each cell covered by this region.</param>
    /// <param name="kind">The region's kind (a conveyor gets a ring as wide as it is high).</param>
    /// <param name="nuisanceHold">How long a passer's cells stay hidden after it last moved there.</param>
    public RegionMotion(CellGrid grid, double[] coverage, RegionKind kind, TimeSpan nuisanceHold)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(coverage);
        _grid = grid;
        _class = new byte[grid.Count];
        _hiddenUntil = new long[grid.Count];
        _ownAt = new long[grid.Count];
        Array.Fill(_ownAt, long.MinValue / 2);
        _part = new double[grid.Count];
        _movedAt = new long[grid.Count];
        Array.Fill(_movedAt, long.MinValue / 2);
        _learnsPart = kind == RegionKind.Machine;
        _conveyor = kind == RegionKind.Conveyor;
        _neighbours = new bool[grid.Count];
        _minVisible = kind == RegionKind.Conveyor ? ConveyorMinVisible : MinVisible;
        _blobOutside = new bool[grid.Count + 1];
        _blobInside = new bool[grid.Count + 1];
        _blobUnexplained = new bool[grid.Count + 1];
        _blobLeft = new int[grid.Count + 1];
        _blobRight = new int[grid.Count + 1];
        _blobTop = new int[grid.Count + 1];
        _blobBottom = new int[grid.Count + 1];
        _masked = new bool[grid.Count];
        _passSlot = new int[grid.Count + 1];
        _outsideColumns = new bool[BandSlots * grid.Columns];
        _bandColumns = new bool[BandSlots * grid.Columns];
        _holdTicks = nuisanceHold.Ticks;
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
            if (_class[c] != Inside && (coverage[c] > 0 || NearInside(c)))
            {
                _class[c] = Neutral;
            }
        }
    }

    /// <summary>
    /// A machine: it learns its moving part, and people in front of it are masked by body (<see cref="PeopleMask"/>), since
    /// workers stand and work there. Conveyors and other kinds hide passers by box and column band: people cross a belt
    /// walking, and their legs over it are what a mask finds worst.
    /// </summary>
    public bool MasksPeople => _learnsPart;

    /// <summary>Share of the visible inside pixels moving in the last frame (passers and hidden cells left out).</summary>
    public double ConfinedShare { get; private set; }

    /// <summary>Share of the region's pixels moving in the last frame, passers included.</summary>
    public double TotalShare { get; private set; }

    /// <summary>A blob in the last frame was inside the region and also reached outside it.</summary>
    public bool Passing { get; private set; }

    /// <summary>Too little of the region (<see cref="MinVisible"/>, <see cref="ConveyorMinVisible"/>) or of a machine's moving part was visible in the last frame: no evidence.</summary>
    public bool Hidden { get; private set; }

    /// <summary>
    /// <see cref="Hidden"/>, yet with people masked by body at least <see cref="GlimpsePartVisible"/> of the machine's
    /// moving part (learned or recent) in view: too little to judge a frame by its motion share, but a frame in which
    /// nothing there moves at all still shows the machine standing (see <see cref="RegionActivity"/>).
    /// </summary>
    public bool Glimpse { get; private set; }

    /// <summary>Share of the region's pixels visible (not hidden by a passer) in the last frame.</summary>
    public double VisibleShare { get; private set; }

    /// <summary>
    /// Share of the machine's moving part visible in the last frame: the learned part, or before it is learned and with
    /// people masked by body, the recent one (<see cref="RecentPartActivity"/>); 1 when neither is known, and for
    /// conveyors and other kinds.
    /// </summary>
    public double PartVisibleShare { get; private set; } = 1;

    /// <summary>
    /// Learns a machine's moving part from the last frame: while it runs in full view (nothing hidden, no passer), each
    /// inside cell keeps how often it moves. A worker who stands in front of that part then leaves too little of it in
    /// view for a quiet frame to mean stopped, even with most of the region visible.
    /// </summary>
    /// <param name="blobs">The frame's blobs, as given to the last <see cref="Evaluate"/>.</param>
    public void LearnPart(MotionBlobs blobs, bool running)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        if (!_learnsPart || !running || Passing || VisibleShare < 1)
        {
            return;
        }

        for (var c = 0; c < _class.Length; c++)
        {
            if (_class[c] == Inside)
            {
                _part[c] += PartRate * ((blobs.Moving[c] ? 1 : 0) - _part[c]);
            }
        }

        _partFrames++;
    }

    /// <summary>
    /// Hides the inside cells under people the detector found (boxes in frame pixels, grown by one cell) for
    /// <paramref name="hold"/>: what is behind a person is not visible, whatever moves there (arms, tools).
    /// </summary>
    public void HidePeople(IReadOnlyList<Inference.Detection> people, DateTimeOffset at, TimeSpan hold)
    {
        ArgumentNullException.ThrowIfNull(people);
        var until = at.UtcTicks + hold.Ticks;
        foreach (var person in people)
        {
            var (x0, y0, x1, y1) = CellsUnder(person);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    var c = (y * _grid.Columns) + x;
                    if (_class[c] == Inside && _hiddenUntil[c] < until)
                    {
                        _hiddenUntil[c] = until;
                    }
                }
            }
        }
    }

    /// <summary>Whether a person's box (grown by one cell) covers an inside cell: someone is at this region.</summary>
    public bool Covers(in Inference.Detection person)
    {
        var (x0, y0, x1, y1) = CellsUnder(person);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                if (_class[(y * _grid.Columns) + x] == Inside)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The cells under a box in frame pixels [X0, X1) x [Y0, Y1), grown by one cell, clipped: first and last column and row.</summary>
    private (int X0, int Y0, int X1, int Y1) CellsUnder(in Inference.Detection box)
    {
        var size = _grid.CellSize;
        return (
            Math.Max(0, ((int)box.X0 / size) - 1),
            Math.Max(0, ((int)box.Y0 / size) - 1),
            Math.Min(_grid.Columns - 1, (Math.Max(0, (int)Math.Ceiling(box.X1) - 1) / size) + 1),
            Math.Min(_grid.Rows - 1, (Math.Max(0, (int)Math.Ceiling(box.Y1) - 1) / size) + 1));
    }

    /// <param name="running">The region is running: its own recent motion is protected from passers merging with it.</param>
    /// <param name="people">The people the detector found lately (frame pixels); used with <paramref name="covered"/>.</param>
    /// <param name="covered">
    /// The cells people cover in this frame or the one before (<see cref="PeopleMask.Covered"/>), or null. With it, a
    /// machine (<see cref="MasksPeople"/>; other kinds ignore it) hides only the covered cells of a passing blob inside a
    /// person's box, for this frame, instead of its column band for the nuisance hold: the machine beside a standing
    /// worker stays in view. A passing blob whose outside cells all lie in people's boxes or in cells the other regions
    /// claim (<see cref="SetNeighbours"/>) loses no cell outside those boxes either: it is the people merged, through
    /// their legs on a moving belt, with belts and machines, whose motion is not theirs.
    /// </param>
    public void Evaluate(MotionBlobs blobs, int[] cellCounts, DateTimeOffset at, bool running, IReadOnlyList<Inference.Detection>? people = null, bool[]? covered = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(cellCounts);
        if (!MasksPeople)
        {
            (people, covered) = (null, null); // a conveyor keeps the box and the band
        }

        var now = at.UtcTicks;
        var cells = blobs.MovingCells;
        var count = blobs.MovingCount;
        Array.Clear(_blobOutside, 0, blobs.BlobCount + 1);
        Array.Clear(_blobInside, 0, blobs.BlobCount + 1);
        Array.Clear(_blobUnexplained, 0, blobs.BlobCount + 1);
        var explain = covered is not null && people is not null;
        Array.Fill(_blobTop, int.MaxValue, 0, blobs.BlobCount + 1);
        Array.Fill(_blobBottom, int.MinValue, 0, blobs.BlobCount + 1);

        // 1. A blob with cells inside that reaches an outside cell is a passer.
        for (var i = 0; i < count; i++)
        {
            var c = cells[i];
            var row = c / _grid.Columns;
            _blobTop[blobs.Labels[c]] = Math.Min(_blobTop[blobs.Labels[c]], row);
            _blobBottom[blobs.Labels[c]] = Math.Max(_blobBottom[blobs.Labels[c]], row);
            if (_class[c] == Outside)
            {
                var label = blobs.Labels[c];
                var x = c % _grid.Columns;
                if (explain && !_neighbours[c] && !InBox(people!, x, row))
                {
                    _blobUnexplained[label] = true;
                }

                if (!_blobOutside[label])
                {
                    _blobOutside[label] = true;
                    _blobLeft[label] = x;
                    _blobRight[label] = x;
                }
                else
                {
                    _blobLeft[label] = Math.Min(_blobLeft[label], x);
                    _blobRight[label] = Math.Max(_blobRight[label], x);
                }
            }
            else if (_class[c] == Inside)
            {
                _blobInside[blobs.Labels[c]] = true;
            }
        }

        // 2. Hide what passers cover, never the region's own recent motion: the passing blob's cells in the columns
        //    where it is outside the region (and ColumnMargin either side) and a cell around them. People and forklifts
        //    stand upright, so their body inside the region is above or below the part outside it; a belt or a machine
        //    part merged into their blob but beside them stays visible. The columns are the blob's own, one by one: two
        //    walkers merged into one blob through a moving belt hide their two bands, not the belt between them.
        var columns = _grid.Columns;
        var passing = MarkBands(blobs, cells, count);
        for (var i = 0; i < count; i++)
        {
            var c = cells[i];
            var label = blobs.Labels[c];
            if (!_blobOutside[label] || !_blobInside[label])
            {
                continue;
            }

            var x = c % columns;
            if (explain && (!_blobUnexplained[label] || InBox(people!, x, c / columns)))
            {
                // Inside a person's box the mask below hides the body alone. A blob that reaches outside only through
                // people's boxes and other regions (a worker's legs on a moving belt, the load on it, another machine)
                // is those people plus machines and belts their motion touches: nothing of it but the bodies is hidden.
                continue;
            }

            var slot = _passSlot[label];
            var inBand = slot > 0
                ? _bandColumns[((slot - 1) * columns) + x]
                : x >= _blobLeft[label] - Margin(label) && x <= _blobRight[label] + Margin(label);
            if (inBand)
            {
                Hide(c, now, running);
            }
        }

        MaskPeople(people, covered);

        // 3. The evidence: moving pixels of the visible inside cells (a merged machine part stays visible).
        //    And how much of a machine's moving part is visible: the learned one, or until then, masked by body, the cells
        //    it moved in when last clearly active (a lathe that starts as a worker steps in front of it).
        long visible = 0, total = 0, confined = 0;
        double part = 0, partVisible = 0;
        var partLearned = _partFrames >= PartLearnedAfter;
        var recent = !partLearned && covered is not null && RecentPartKnown;
        var recentFrom = _lastActiveAt - RecentPartSpan.Ticks;
        for (var c = 0; c < _class.Length; c++)
        {
            if (_class[c] != Inside)
            {
                continue;
            }

            var shown = _hiddenUntil[c] <= now && !_masked[c];
            visible += shown ? _grid.PixelsPerCell[c] : 0;
            if (partLearned || (recent && _movedAt[c] >= recentFrom))
            {
                var weight = partLearned ? _part[c] : _grid.PixelsPerCell[c];
                part += weight;
                partVisible += shown ? weight : 0;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var c = cells[i];
            if (_class[c] != Inside || !blobs.Moving[c])
            {
                continue;
            }

            total += cellCounts[c];
            if (_hiddenUntil[c] <= now && !_masked[c])
            {
                confined += cellCounts[c];
                _ownAt[c] = now;
            }
        }

        Passing = passing;
        VisibleShare = _insidePixels == 0 ? 0 : (double)visible / _insidePixels;
        PartVisibleShare = part > 0 ? partVisible / part : 1;
        // Masked by body, a machine whose moving part is learned is judged on that part alone: people standing beside
        // the part may cover most of the region's other cells and leave the part in view.
        Hidden = covered is not null && partLearned
            ? PartVisibleShare < MaskedMinPartVisible
            : VisibleShare < _minVisible || PartVisibleShare < (covered is null ? MinPartVisible : MaskedMinPartVisible);
        Glimpse = Hidden && covered is not null && part > 0 && PartVisibleShare >= GlimpsePartVisible && VisibleShare >= _minVisible;
        ConfinedShare = visible == 0 ? 0 : (double)confined / visible;
        TotalShare = _insidePixels == 0 ? 0 : (double)total / _insidePixels;
        if (_learnsPart && !partLearned)
        {
            KeepRecentPart(blobs, cells, count, now, recent ? PartVisibleShare : VisibleShare);
        }
    }

    /// <summary>A clearly active frame has shown where the machine moves, and that recent part is not forgotten.</summary>
    private bool RecentPartKnown => _lastActiveAt > long.MinValue / 2;

    /// <summary>
    /// Notes where a machine whose part is not learned yet moves in a clearly active frame: its visible moving inside
    /// cells. The cells it moved in over <see cref="RecentPartSpan"/> before its last such frame stand for its moving part
    /// until the part is learned; a worker who then covers most of them leaves no evidence, however much of the rest of
    /// the region is in view. Once that part has been at least half in view and quiet over <see cref="RecentPartSpan"/>,
    /// it is forgotten: the machine stopped, or what moved was a passer's arm.
    /// </summary>
    /// <param name="inView">The share of the recent part (of the region, when masks are not in use) in view in this frame.</param>
    private void KeepRecentPart(MotionBlobs blobs, int[] cells, int count, long now, double inView)
    {
        if (ConfinedShare < RecentPartActivity)
        {
            if (inView >= 0.5 && RecentPartKnown)
            {
                _seenQuietFrom = Math.Min(_seenQuietFrom, now);
                if (now - _seenQuietFrom >= RecentPartSpan.Ticks)
                {
                    _lastActiveAt = long.MinValue / 2;
                    _seenQuietFrom = long.MaxValue;
                }
            }

            return;
        }

        _lastActiveAt = now;
        _seenQuietFrom = long.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var c = cells[i];
            if (_class[c] == Inside && blobs.Moving[c] && _hiddenUntil[c] <= now && !_masked[c])
            {
                _movedAt[c] = now;
            }
        }
    }

    /// <summary>A passer's band margin: a third of its height, at least <see cref="ColumnMargin"/> (arms reach wider than legs).</summary>
    private int Margin(int label) => Math.Max(ColumnMargin, (_blobBottom[label] - _blobTop[label] + 1) / 3);

    /// <summary>
    /// Gives the first <see cref="BandSlots"/> passing blobs a slot and marks, per slot, the columns within the blob's
    /// margin of a column where it has an outside cell. Returns whether any blob passes.
    /// </summary>
    private bool MarkBands(MotionBlobs blobs, int[] cells, int count)
    {
        var columns = _grid.Columns;
        var slots = 0;
        var passing = false;
        for (var label = 1; label <= blobs.BlobCount; label++)
        {
            _passSlot[label] = 0;
            if (_blobOutside[label] && _blobInside[label])
            {
                passing = true;
                if (slots < BandSlots)
                {
                    _passSlot[label] = ++slots;
                }
            }
        }

        if (slots == 0)
        {
            return passing;
        }

        Array.Clear(_outsideColumns, 0, slots * columns);
        Array.Clear(_bandColumns, 0, slots * columns);
        for (var i = 0; i < count; i++)
        {
            var c = cells[i];
            var slot = _passSlot[blobs.Labels[c]];
            if (slot > 0 && _class[c] == Outside)
            {
                _outsideColumns[((slot - 1) * columns) + (c % columns)] = true;
            }
        }

        for (var label = 1; label <= blobs.BlobCount; label++)
        {
            var slot = _passSlot[label];
            if (slot == 0)
            {
                continue;
            }

            var row = (slot - 1) * columns;
            var margin = Margin(label);
            for (var x = _blobLeft[label]; x <= _blobRight[label]; x++)
            {
                if (!_outsideColumns[row + x])
                {
                    continue;
                }

                for (var b = Math.Max(0, x - margin); b <= Math.Min(columns - 1, x + margin); b++)
                {
                    _bandColumns[row + b] = true;
                }
            }
        }

        return passing;
    }

    /// <summary>Marks, for this frame only, the inside cells that people cover within their boxes (grown by one cell).</summary>
    private void MaskPeople(IReadOnlyList<Inference.Detection>? people, bool[]? covered)
    {
        if (_anyMasked)
        {
            Array.Clear(_masked);
            _anyMasked = false;
        }

        if (people is null || covered is null)
        {
            return;
        }

        _anyMasked = true;

        foreach (var person in people)
        {
            var (x0, y0, x1, y1) = CellsUnder(person);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    var c = (y * _grid.Columns) + x;
                    _masked[c] |= _class[c] == Inside && covered[c];
                }
            }
        }
    }

    /// <summary>Whether the cell (x, y) lies in a person's box, grown by one cell.</summary>
    private bool InBox(IReadOnlyList<Inference.Detection> people, int x, int y)
    {
        foreach (var person in people)
        {
            var (x0, y0, x1, y1) = CellsUnder(person);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hides a cell and its 8 neighbours (inside ones) unless they moved as the region's own motion lately.</summary>
    private void Hide(int cell, long now, bool protectOwn)
    {
        var columns = _grid.Columns;
        var cx = cell % columns;
        var cy = cell / columns;
        for (var y = Math.Max(0, cy - 1); y <= Math.Min(_grid.Rows - 1, cy + 1); y++)
        {
            for (var x = Math.Max(0, cx - 1); x <= Math.Min(columns - 1, cx + 1); x++)
            {
                var c = (y * columns) + x;
                if (_class[c] == Inside && (!protectOwn || now - _ownAt[c] > OwnGrace.Ticks))
                {
                    _hiddenUntil[c] = now + _holdTicks;
                }
            }
        }
    }

    private bool NearInside(int cell)
    {
        var cx = cell % _grid.Columns;
        var cy = cell / _grid.Columns;
        for (var y = Math.Max(0, cy - _ring); y <= Math.Min(_grid.Rows - 1, cy + _ring); y++)
        {
            for (var x = Math.Max(0, cx - _ring); x <= Math.Min(_grid.Columns - 1, cx + _ring); x++)
            {
                if (_class[(y * _grid.Columns) + x] == Inside)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
