namespace Spinel.NodeAgent.Tests;

public class NodeAgentOptionsValidatorTests
{
    private readonly NodeAgentOptionsValidator _validator = new();

    [Fact]
    public void Validate_DefaultsWithNodeAndDataDir_Succeeds()
    {
        var result = _validator.Validate(null, new NodeAgentOptions { NodeUid = 1, DataDir = "/tmp/spinel" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MissingNodeUidAndDataDir_FailsNamingBoth()
    {
        var result = _validator.Validate(null, new NodeAgentOptions());

        Assert.True(result.Failed);
        Assert.Contains(nameof(NodeAgentOptions.NodeUid), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(NodeAgentOptions.DataDir), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RedisServerNotFound_Fails()
    {
        var result = _validator.Validate(null, new NodeAgentOptions { NodeUid = 1, DataDir = "/tmp/spinel", RedisServerPath = "no-such-redis-server-binary" });

        Assert.True(result.Failed);
        Assert.Contains("no-such-redis-server-binary", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadTimes_Fails()
    {
        var result = _validator.Validate(null, new NodeAgentOptions
        {
            NodeUid = 1,
            DataDir = "/tmp/spinel",
            StartTimeout = TimeSpan.Zero,
            RestartDelay = TimeSpan.FromSeconds(10),
            MaxRestartDelay = TimeSpan.FromSeconds(1),
        });

        Assert.True(result.Failed);
        Assert.Contains(nameof(NodeAgentOptions.StartTimeout), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(NodeAgentOptions.MaxRestartDelay), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoHealthCheckTimeoutAndUnresponsiveAfterZero_FailsNamingBoth()
    {
        var result = _validator.Validate(null, new NodeAgentOptions
        {
            NodeUid = 1,
            DataDir = "/tmp/spinel",
            HealthCheckTimeout = TimeSpan.Zero,
            UnresponsiveAfter = 0,
        });

        Assert.True(result.Failed);
        Assert.Contains(nameof(NodeAgentOptions.HealthCheckTimeout), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(NodeAgentOptions.UnresponsiveAfter), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_CheckHealthFourTimesASecond()
    {
        var options = new NodeAgentOptions();

        Assert.Equal(
            (TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), 3),
            (options.HealthCheckInterval, options.HealthCheckTimeout, options.UnresponsiveAfter));
    }
}
