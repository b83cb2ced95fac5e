namespace Spinel.ControlPlane.Tests;

public sealed class ControlPlaneOptionsValidatorTests
{
    private static ControlPlaneOptions Valid() => new() { DataDir = "/tmp/x", RaftEndPoint = "127.0.0.1:9100" };

    [Fact]
    public void Validate_Defaults_WithDirAndEndPoint_Succeeds()
    {
        Assert.True(new ControlPlaneOptionsValidator().Validate(null, Valid()).Succeeded);
        Assert.True(new ControlPlaneOptionsValidator().Validate(null, new ControlPlaneOptions { DataDir = "/tmp/x", RaftEndPoint = "[::1]:9100" }).Succeeded);
    }

    public static TheoryData<string, Action<ControlPlaneOptions>> Invalid() => new()
    {
        { "DataDir", o => o.DataDir = " " },
        { "RaftEndPoint", o => o.RaftEndPoint = "" },
        { "RaftEndPoint", o => o.RaftEndPoint = "127.0.0.1" },
        { "RaftEndPoint", o => o.RaftEndPoint = "node1:9100" },
        { "LowerElectionTimeout", o => o.LowerElectionTimeout = TimeSpan.Zero },
        { "UpperElectionTimeout", o => o.UpperElectionTimeout = o.LowerElectionTimeout },
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.FromSeconds(-1) },
        { "SnapshotInterval", o => o.SnapshotInterval = 0 },
        { "ProposeTimeout", o => o.ProposeTimeout = TimeSpan.Zero },
        { "MembershipChangeTimeout", o => o.MembershipChangeTimeout = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_NamesTheBadSetting(string setting, Action<ControlPlaneOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var result = new ControlPlaneOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
