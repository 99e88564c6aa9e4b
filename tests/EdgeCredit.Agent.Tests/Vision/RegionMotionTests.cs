using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class RegionMotionTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HidePeople_PersonBoxOverPartOfTheRegion_ItsCellsHiddenForTheHoldAndTheirMotionLeftOut()
    {
        var (grid, coverage) = Region();

        var motion = new RegionMotion(grid, coverage, RegionKind.Machine, TimeSpan.FromSeconds(3));
        var blobs = new MotionBlobs(grid);
        var counts = new int[grid.Count];
        for (var y = 20; y < 24; y++)
        {
            counts[(y * grid.Columns) + 25] = 16; // an arm moving at x 100..104, inside the region, not touching its border
        }

        blobs.Label(counts);
        motion.Evaluate(blobs, counts, At, running: false);
        Assert.True(motion.ConfinedShare > 0, "without a person the arm's motion is the region's");

        // A person 40 px wide over x 88..128 (cells 22..31, grown by one: 21..32): 12 of the 40 columns.
        motion.HidePeople([new Detection(1, "person", 0.8f, 88, 30, 128, 170)], At, TimeSpan.FromSeconds(3));
        motion.Evaluate(blobs, counts, At, running: false);

        Assert.Equal(0, motion.ConfinedShare);
        Assert.InRange(motion.VisibleShare, 0.69, 0.71);
        Assert.False(motion.Hidden);

        motion.Evaluate(blobs, counts, At.AddSeconds(3.2), running: false);
        Assert.Equal(1, motion.VisibleShare);
        Assert.True(motion.ConfinedShare > 0, "after the hold the cells are visible again");
    }

    [Fact]
    public void Evaluate_WorkerMergedWithTheMachinesPart_MaskHidesTheBodyOnlyWhereTheBandHidesBoth()
    {
        var (grid, coverage) = Region();
        var counts = new int[grid.Count];
        for (var y = 20; y < 45; y++)
        {
            counts[(y * grid.Columns) + 25] = 16; // the worker at x 100..104, legs reaching below the region (rows 35..44)
        }

        for (var y = 20; y < 24; y++)
        {
            for (var x = 26; x <= 30; x++)
            {
                counts[(y * grid.Columns) + x] = 16; // the machine's part right beside the arm: one passing blob with it
            }
        }

        Detection[] person = [new(1, "person", 0.8f, 88, 30, 128, 180)];
        var covered = new bool[grid.Count];
        for (var y = 8; y < 45; y++)
        {
            for (var x = 23; x <= 27; x++)
            {
                covered[(y * grid.Columns) + x] = true; // the body the mask found: x 92..112
            }
        }

        var band = new RegionMotion(grid, coverage, RegionKind.Machine, TimeSpan.FromSeconds(3));
        var blobs = new MotionBlobs(grid);
        blobs.Label(counts);
        band.Evaluate(blobs, counts, At, running: false);
        Assert.True(band.Passing);
        Assert.Equal(0, band.ConfinedShare); // without the mask the passer's column band hides the part too

        var masked = new RegionMotion(grid, coverage, RegionKind.Machine, TimeSpan.FromSeconds(3));
        masked.Evaluate(blobs, counts, At, running: false, person, covered);

        Assert.True(masked.Passing);
        Assert.Equal(875.0 / 1000, masked.VisibleShare, 6); // 5 of the region's 40 columns masked over its 25 rows
        Assert.Equal(12 * 16 / (875.0 * 16), masked.ConfinedShare, 6); // the part's 3 uncovered columns x 4 rows move
        Assert.False(masked.Hidden);

        var still = new int[grid.Count];
        blobs.Label(still);
        masked.Evaluate(blobs, still, At.AddSeconds(0.2), running: false);
        Assert.Equal(1, masked.VisibleShare); // the mask holds for its own frame only
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, false)] // not knowing the belt is a region's, the blob reaches outside all along it
    [InlineData(true, true, false)] // a forklift no one found, merged through the belt: the band hides as before
    public void Evaluate_WorkerStandsOnAMovingBeltBesideTheRunningPart_PartStaysInViewOnlyWhenPeopleAndRegionsExplainTheBlob(
        bool knowsTheBelt, bool forklift, bool partInView)
    {
        var (grid, coverage) = Region(); // the machine: cells x 20..59, rows 10..34
        var belt = new double[grid.Count];
        var counts = new int[grid.Count];
        for (var y = 38; y < 42; y++)
        {
            for (var x = 0; x < grid.Columns; x++)
            {
                belt[(y * grid.Columns) + x] = 1;
                counts[(y * grid.Columns) + x] = 16; // the belt below the machine runs: every cell of it moves
            }
        }

        for (var y = 20; y < 41; y++)
        {
            counts[(y * grid.Columns) + 25] = 16; // the worker at x 100..104, legs on the belt
        }

        for (var y = 26; y < 38; y++)
        {
            for (var x = 40; x < 45; x++)
            {
                counts[(y * grid.Columns) + x] = 16; // the part, x 160..180, down to a box on the belt (rows 35..37)
            }
        }

        if (forklift)
        {
            for (var y = 20; y < 38; y++)
            {
                counts[(y * grid.Columns) + 70] = 16; // outside the machine, in no box and no region, down to the belt
            }
        }

        var conveyor = new RegionMotion(grid, belt, RegionKind.Conveyor, TimeSpan.FromSeconds(3));
        var machine = new RegionMotion(grid, coverage, RegionKind.Machine, TimeSpan.FromSeconds(3));
        if (knowsTheBelt)
        {
            machine.SetNeighbours([.. Enumerable.Range(0, grid.Count).Select(conveyor.Claims)]);
        }

        Detection[] person = [new(1, "person", 0.8f, 88, 30, 128, 170)];
        var covered = new bool[grid.Count];
        for (var y = 8; y < 43; y++)
        {
            for (var x = 23; x <= 27; x++)
            {
                covered[(y * grid.Columns) + x] = true; // the body the mask found: x 92..112
            }
        }

        var blobs = new MotionBlobs(grid);
        blobs.Label(counts);
        Assert.Equal(1, blobs.BlobCount); // worker, belt, box and part: one blob
        machine.Evaluate(blobs, counts, At, running: false, person, covered);

        Assert.True(machine.Passing);
        // The part's 5 columns x 9 rows inside move; the mask takes the body's 5 columns x 25 rows of the 40 x 25 cells.
        Assert.Equal(partInView ? 45.0 / 875 : 0, machine.ConfinedShare, 6);
        // Explained, only the body is out of view; otherwise the band hides the blob's cells too.
        Assert.Equal(partInView, Math.Abs(machine.VisibleShare - (875.0 / 1000)) < 1e-9);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // a conveyor learns no part (its part is the whole belt): the frame is evidence
    public void LearnPart_WorkerInFrontOfTheLearnedMovingPart_NoEvidenceForAMachineThoughMostOfTheRegionIsVisible(bool machine)
    {
        var (grid, coverage) = Region();
        var motion = new RegionMotion(grid, coverage, machine ? RegionKind.Machine : RegionKind.Conveyor, TimeSpan.FromSeconds(3));
        var hidden = machine;
        var blobs = new MotionBlobs(grid);
        var part = Part(grid); // the moving part: x 96..128, y 72..104, in the middle of the region

        for (var i = 0; i < 30; i++)
        {
            blobs.Label(part);
            motion.Evaluate(blobs, part, At.AddSeconds(i / 5.0), running: true);
            motion.LearnPart(blobs, running: true);
        }

        // Stopped behind a worker who covers the part (x 88..136): 70 % of the region is in view, none of the part.
        var still = new int[grid.Count];
        blobs.Label(still);
        motion.HidePeople([new Detection(1, "person", 0.8f, 92, 40, 132, 140)], At.AddSeconds(7), TimeSpan.FromSeconds(1));
        motion.Evaluate(blobs, still, At.AddSeconds(7), running: true);

        Assert.True(motion.VisibleShare > 0.6, $"visible {motion.VisibleShare:P0}");
        Assert.Equal(hidden, motion.PartVisibleShare < 0.1);
        Assert.Equal(hidden, motion.Hidden);
    }

    [Theory]
    [InlineData(true, true, 0, true)]
    [InlineData(false, true, 0, false)] // it never moved: nothing says where its part is, the visible 70 % is evidence
    [InlineData(true, false, 0, false)] // the worker stands beside the part: it is in view, and still
    [InlineData(true, true, 3, false)] // it stopped in full view before the worker came: where it moved is forgotten
    public void Evaluate_MachineStartsAsAWorkerStepsInFrontBeforeItsPartIsLearned_NoEvidenceOnlyWhenWhereItMovedIsCovered(
        bool movedFirst, bool partCovered, int quietSecondsInView, bool hidden)
    {
        var (grid, coverage) = Region();
        var motion = new RegionMotion(grid, coverage, RegionKind.Machine, TimeSpan.FromSeconds(3));
        var blobs = new MotionBlobs(grid);
        var part = Part(grid); // the chuck: 64 of the region's 1,000 cells, far from learned in 1 s

        var still = new int[grid.Count];
        for (var i = 0; i < 5; i++)
        {
            blobs.Label(movedFirst ? part : still);
            motion.Evaluate(blobs, movedFirst ? part : still, At.AddSeconds(i / 5.0), running: false);
        }

        blobs.Label(still);
        for (var i = 0; i < quietSecondsInView * 5; i++)
        {
            motion.Evaluate(blobs, still, At.AddSeconds(1 + (i / 5.0)), running: false);
        }

        // A worker steps in and stands, masked by body over 12 of the region's 40 columns; nothing moves in view.
        var x0 = partCovered ? 22 : 40;
        var (person, covered) = Body(grid, x0, x0 + 12);

        motion.Evaluate(blobs, still, At.AddSeconds(1 + quietSecondsInView), running: false, person, covered);

        Assert.Equal(0.7, motion.VisibleShare, 6);
        Assert.Equal(0, motion.ConfinedShare);
        Assert.Equal(hidden, motion.PartVisibleShare < RegionMotion.MaskedMinPartVisible);
        Assert.Equal(hidden, motion.Hidden);
    }

    [Fact]
    public void Evaluate_TwoWalkersMergedThroughARunningBelt_EachHidesItsOwnBandNotTheBeltBetween()
    {
        // A belt across the whole width (rows 20..24) moving everywhere, and two walkers (columns 15 and 60, rows 8..40)
        // crossing it: one blob through the belt. Each walker's band is its column ± a third of the blob's height
        // (11 cells), plus the cell around: columns 3..27 and 48..72. The belt between them stays in view.
        var grid = new CellGrid(320, 180);
        var coverage = new double[grid.Count];
        var counts = new int[grid.Count];
        for (var y = 20; y < 25; y++)
        {
            for (var x = 0; x < grid.Columns; x++)
            {
                coverage[(y * grid.Columns) + x] = 1;
                counts[(y * grid.Columns) + x] = 10;
            }
        }

        for (var y = 8; y <= 40; y++)
        {
            counts[(y * grid.Columns) + 15] = 16;
            counts[(y * grid.Columns) + 60] = 16;
        }

        var blobs = new MotionBlobs(grid);
        blobs.Label(counts);
        var motion = new RegionMotion(grid, coverage, RegionKind.Conveyor, TimeSpan.FromSeconds(0.4));

        motion.Evaluate(blobs, counts, At, running: false);

        Assert.Equal(1, blobs.BlobCount);
        Assert.True(motion.Passing);
        Assert.Equal(30.0 / 80, motion.VisibleShare, 6);
        Assert.False(motion.Hidden, "a belt with 30 of its 80 columns in view is evidence");
        Assert.True(motion.ConfinedShare > 0.5, $"confined {motion.ConfinedShare:P0}");

        var still = new int[grid.Count];
        blobs.Label(still);
        motion.Evaluate(blobs, still, At.AddSeconds(0.6), running: false);
        Assert.Equal(1, motion.VisibleShare); // a conveyor holds a walker's cells for 0.4 s only
    }

    /// <summary>A machine part moving in the middle of <see cref="Region"/>: cells x 24..31, rows 18..25, 16 pixels each.</summary>
    internal static int[] Part(CellGrid grid)
    {
        var part = new int[grid.Count];
        for (var y = 18; y < 26; y++)
        {
            for (var x = 24; x < 32; x++)
            {
                part[(y * grid.Columns) + x] = 16;
            }
        }

        return part;
    }

    /// <summary>
    /// A worker standing over cell columns [<paramref name="x0"/>, <paramref name="x1"/>), rows 8..42 (through the region
    /// of <see cref="Region"/> and below it): the detector's box and the cells the person mask puts the body on.
    /// </summary>
    internal static (Detection[] People, bool[] Covered) Body(CellGrid grid, int x0, int x1)
    {
        var covered = new bool[grid.Count];
        for (var y = 8; y < 43; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                covered[(y * grid.Columns) + x] = true;
            }
        }

        return ([new(1, "person", 0.8f, x0 * 4, 30, x1 * 4, 170)], covered);
    }

    /// <summary>320x180 (4-px cells), the region x 80..240, y 40..140 (40 x 25 cells).</summary>
    internal static (CellGrid Grid, double[] Coverage) Region()
    {
        var grid = new CellGrid(320, 180);
        var coverage = new double[grid.Count];
        for (var y = 10; y < 35; y++)
        {
            for (var x = 20; x < 60; x++)
            {
                coverage[(y * grid.Columns) + x] = 1;
            }
        }

        return (grid, coverage);
    }
}
