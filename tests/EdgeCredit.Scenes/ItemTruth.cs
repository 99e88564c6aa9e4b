namespace EdgeCredit.Scenes;

/// <param name="Enter">When the item's front edge enters the view (0 if on the belt at the start); null if it never does.</param>
/// <param name="Exit">When its back edge leaves the view; null if it does not within the clip.</param>
internal sealed record ItemTruth(int Id, string Region, double? Enter, double? Exit);
