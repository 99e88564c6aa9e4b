namespace EdgeCredit.Scenes;

/// <summary>A stretch of time from Start to End, in seconds.</summary>
internal sealed record Interval(double Start, double End);
