namespace EdgeCredit.Collector.Operations;

/// <summary>What a day was judged against besides its own indicators: the thresholds and the recent producing days.</summary>
/// <param name="ProducingEnergy">Median kWh of the recent producing days (the flat-meter and energy-without-activity reference); null with too few.</param>
/// <param name="KwhPerUnitMedian">Median kWh per unit of the recent producing days; null with too few.</param>
/// <param name="KwhPerUnitDays">How many producing days that median has.</param>
internal readonly record struct AssessmentBasis(StateThresholds Thresholds, double? ProducingEnergy, double? KwhPerUnitMedian, int KwhPerUnitDays);
