namespace EdgeCredit.Agent.Inference;

/// <summary>Decoding thresholds: a box is kept when its score (v5: objectness × class score) reaches <see cref="MinScore"/>; per class, a box overlapping a better one by more than <see cref="NmsIoU"/> is suppressed.</summary>
internal readonly record struct DetectionSettings(float MinScore, float NmsIoU, int MaxDetections = 100);
