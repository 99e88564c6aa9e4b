namespace EdgeCredit.Agent.Meters.State;

/// <summary>The model's answer for the newest sample of a window: the most probable state and its probability.</summary>
internal readonly record struct StatePrediction(MachineState State, float Confidence);
