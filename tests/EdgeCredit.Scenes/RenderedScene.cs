namespace EdgeCredit.Scenes;

/// <summary>The files of one rendered scene and its truth.</summary>
internal sealed record RenderedScene(string VideoPath, string? AviPath, string TruthPath, SceneTruth Truth, TimeSpan Elapsed);
