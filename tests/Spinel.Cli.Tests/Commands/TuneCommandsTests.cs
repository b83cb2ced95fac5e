using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class TuneCommandsTests
{
    private const string Answer = """
        {"name": "cluster.local", "failure_detection_sensitivity": "low", "slave_ha": false, "slave_ha_grace_period": 900}
        """;

    private static async Task<FakeRestServer> StartAsync() => (await FakeRestServer.StartAsync()).OnJson("PUT", "/v1/cluster", Answer);

    [Fact]
    public async Task TuneCluster_EverySetting_PutsTheChanges()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "tune", "cluster", "failure_detection_sensitivity", "low", "slave_ha", "disabled", "slave_ha_grace_period", "900");

        Assert.True(result.ExitCode == 0, result.ToString());
        var put = server.Single("PUT", "/v1/cluster");
        Assert.Equal("application/json", put.ContentType);
        Assert.Equal("""{"failure_detection_sensitivity":"low","slave_ha":false,"slave_ha_grace_period":900}""", put.JsonBody.ToJsonString());
        Assert.Equal("Finished successfully", result.Out.Trim());
    }

    [Theory]
    [InlineData("watchdog_profile", "cloud", """{"failure_detection_sensitivity":"low"}""")]
    [InlineData("watchdog_profile", "local-network", """{"failure_detection_sensitivity":"high"}""")]
    [InlineData("FAILURE_DETECTION_SENSITIVITY", "High", """{"failure_detection_sensitivity":"high"}""")]
    [InlineData("slave_ha", "enabled", """{"slave_ha":true}""")]
    [InlineData("slave_ha_grace_period", "0", """{"slave_ha_grace_period":0}""")]
    public async Task TuneCluster_OneSetting_SendsOnlyIt(string setting, string value, string body)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "tune", "cluster", setting, value);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(body, server.Single("PUT", "/v1/cluster").JsonBody.ToJsonString());
    }

    [Theory]
    [InlineData("slave_ha")]
    [InlineData("slave_ha", "maybe")]
    [InlineData("failure_detection_sensitivity", "medium")]
    [InlineData("watchdog_profile", "lan")]
    [InlineData("slave_ha_grace_period", "-1")]
    [InlineData("slave_ha_grace_period", "10m")]
    [InlineData("rack_aware", "enabled")]
    public async Task TuneCluster_BadSettings_AreAUsageErrorAndSendNothing(params string[] words)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, ["tune", "cluster", .. words]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TuneCluster_NoSettings_IsAUsageError()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "tune", "cluster");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TuneCluster_Refused_PrintsTheErrorAndExits1()
    {
        await using var server = await StartAsync();
        server.On("PUT", "/v1/cluster", CannedResponse.Error(403, "insufficient_permissions", "role cluster_member may not change the cluster"));

        var result = await CliRunner.RunAsync(server, "tune", "cluster", "slave_ha", "disabled");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("insufficient_permissions: role cluster_member may not change the cluster", result.Error.Trim());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task TuneCluster_Json_PrintsTheNewCluster()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "tune", "cluster", "slave_ha", "disabled", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Answer), JsonNode.Parse(result.Out)), result.Out);
    }
}
