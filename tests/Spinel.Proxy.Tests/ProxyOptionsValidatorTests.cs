namespace Spinel.Proxy.Tests;

public class ProxyOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsWithNodeUid_Succeeds()
    {
        var result = new ProxyOptionsValidator().Validate(null, new ProxyOptions { NodeUid = 1 });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("NodeUid")]
    [InlineData("BindAddress")]
    [InlineData("ConnectionsPerShard")]
    [InlineData("MaxPipelineDepth")]
    [InlineData("Output buffer")]
    [InlineData("IdleTimeout")]
    [InlineData("FailoverHoldTimeout")]
    public void Validate_OneBadSetting_FailsNamingIt(string setting)
    {
        var options = new ProxyOptions { NodeUid = 1 };
        switch (setting)
        {
            case "NodeUid": options.NodeUid = 0; break;
            case "BindAddress": options.BindAddress = "localhost:6379"; break;
            case "ConnectionsPerShard": options.ConnectionsPerShard = 65; break;
            case "MaxPipelineDepth": options.MaxPipelineDepth = 0; break;
            case "Output buffer": options.PubSubOutputBufferLimit = 1023; break;
            case "IdleTimeout": options.IdleTimeout = TimeSpan.FromSeconds(-1); break;
            case "FailoverHoldTimeout": options.FailoverHoldTimeout = TimeSpan.FromMilliseconds(-1); break;
        }

        var result = new ProxyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(setting, failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEach()
    {
        var options = new ProxyOptions { NodeUid = -1, ConnectionsPerShard = 0, ClientOutputBufferLimit = 10 };

        var result = new ProxyOptionsValidator().Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    public void Validate_IpAddressBinding_Succeeds(string address)
    {
        var result = new ProxyOptionsValidator().Validate(null, new ProxyOptions { NodeUid = 3, BindAddress = address });

        Assert.True(result.Succeeded);
    }
}
