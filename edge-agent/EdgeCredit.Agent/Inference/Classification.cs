namespace EdgeCredit.Agent.Inference;

/// <summary>One label of a classification: index, name and probability (softmax of the logits).</summary>
internal readonly record struct Classification(int Label, string Name, float Probability);
