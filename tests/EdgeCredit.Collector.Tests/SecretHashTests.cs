using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;

namespace EdgeCredit.Collector.Tests;

public sealed class SecretHashTests
{
    [Fact]
    public void Matches_SameSecret_True()
    {
        var secret = SecretHash.NewSecret();
        Assert.True(SecretHash.TryParse(SecretHash.Create(secret).ToString(), out var parsed));
        Assert.True(parsed.Matches(secret));
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_OtherSecret_False(string? presented)
    {
        var hash = SecretHash.Create("correct horse");
        Assert.False(hash.Matches(presented));
    }

    [Fact]
    public void Create_SameSecretTwice_DifferentSalts()
    {
        Assert.NotEqual(SecretHash.Create("x").ToString(), SecretHash.Create("x").ToString());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("md5:AAAA:BBBB")]
    [InlineData("sha256:not-base64!:AAAA")]
    [InlineData("sha256:AAAAAAAAAAAAAAAAAAAAAA==:AAAA")]
    public void TryParse_Malformed_False(string text)
    {
        Assert.False(SecretHash.TryParse(text, out _));
    }

    [Fact]
    public void NewSecret_Always_32BytesBase64Url()
    {
        var secret = SecretHash.NewSecret();
        Assert.Equal(43, secret.Length);
        Assert.DoesNotContain('+', secret);
        Assert.DoesNotContain('/', secret);
    }

    [Fact]
    public void CliHashSecret_Secret_PrintsVerifiableHash()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CollectorCli.TryRun(["hash-secret", "abc"], output, error);

        Assert.Equal(0, exit);
        Assert.True(SecretHash.TryParse(output.ToString().Trim(), out var parsed));
        Assert.True(parsed.Matches("abc"));
    }

    [Fact]
    public void CliTryRun_NoVerb_ReturnsNull()
    {
        Assert.Null(CollectorCli.TryRun(["--urls", "http://127.0.0.1:1"], TextWriter.Null, TextWriter.Null));
    }
}
