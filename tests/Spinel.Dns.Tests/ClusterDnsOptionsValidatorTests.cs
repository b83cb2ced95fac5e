namespace Spinel.Dns.Tests;

public sealed class ClusterDnsOptionsValidatorTests
{
    private static readonly ClusterDnsOptions Valid = new() { NodeUid = 1, BindAddress = "10.0.0.1", Port = 53 };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new ClusterDnsOptionsValidator().Validate(null, Valid).Succeeded);
        Assert.True(new ClusterDnsOptionsValidator().Validate(null, new ClusterDnsOptions { NodeUid = 2, Port = 0 }).Succeeded);
    }

    [Theory]
    [InlineData(0, "10.0.0.1", 53, 5, "NodeUid")]
    [InlineData(1, "node1.example", 53, 5, "BindAddress")]
    [InlineData(1, "10.0.0.1", 70000, 5, "Port")]
    [InlineData(1, "10.0.0.1", -1, 5, "Port")]
    [InlineData(1, "10.0.0.1", 53, -1, "Ttl")]
    [InlineData(1, "10.0.0.1", 53, 100_000, "Ttl")]
    public void Validate_OutOfRange_FailsNamingTheOption(int nodeUid, string bindAddress, int port, int ttlSeconds, string option)
    {
        var options = new ClusterDnsOptions { NodeUid = nodeUid, BindAddress = bindAddress, Port = port, Ttl = TimeSpan.FromSeconds(ttlSeconds) };

        var result = new ClusterDnsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(option, result.FailureMessage, StringComparison.Ordinal);
    }
}
