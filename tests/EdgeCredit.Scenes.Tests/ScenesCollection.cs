namespace EdgeCredit.Scenes.Tests;

/// <summary>The scene tests share rendered clips and run one after another (rendering and encoding use the CPU).</summary>
[CollectionDefinition(Name)]
public sealed class ScenesCollection : ICollectionFixture<RenderedScenesFixture>
{
    public const string Name = "Scenes";
}
