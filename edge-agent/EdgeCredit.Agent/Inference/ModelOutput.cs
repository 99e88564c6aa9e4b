namespace EdgeCredit.Agent.Inference;

/// <summary>One output of the model (manifest field <c>outputs[]</c>): its name and how to read it.</summary>
internal sealed record ModelOutput
{
    public string Name { get; set; } = string.Empty;

    public OutputLayout Layout { get; set; }
}
