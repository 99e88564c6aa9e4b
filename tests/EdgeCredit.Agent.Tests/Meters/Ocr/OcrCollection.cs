namespace EdgeCredit.Agent.Tests.Meters.Ocr;

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrModelsFixture>
{
    public const string Name = "PP-OCR models";
}
