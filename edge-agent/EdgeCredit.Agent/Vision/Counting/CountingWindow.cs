using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// One counting region over one window: seconds with a usable picture, and for a conveyor the items that crossed its
/// line, for a station the seconds it was occupied and the average number of people in it over the observed seconds.
/// </summary>
internal sealed record CountingWindow(string Region, RegionKind Kind, int ObservedSeconds, int Count, int OccupiedSeconds, double PeopleAverage);
