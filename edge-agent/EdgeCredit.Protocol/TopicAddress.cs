namespace EdgeCredit.Protocol;

/// <summary>The parts of a v1 topic.</summary>
public readonly record struct TopicAddress(string Enterprise, string Device, string Channel);
