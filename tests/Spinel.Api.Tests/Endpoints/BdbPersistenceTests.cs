using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

/// <summary><c>data_persistence</c>, <c>aof_policy</c>, <c>snapshot_policy</c> and <c>master_persistence</c> in <c>POST</c>/<c>PUT /v1/bdbs</c>.</summary>
public sealed class BdbPersistenceTests
{
    [Fact]
    public async Task Create_SnapshotPolicyAndMasterPersistence_ReachTheOperationAndComeBack()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var bdb = await host.Client().PostJsonAsync("/v1/bdbs",
                """{"name":"p","memory_size":1,"data_persistence":"snapshot","snapshot_policy":[{"secs":3600,"writes":1},{"secs":300,"writes":100}],"master_persistence":true}""")
            .ExpectAsync(HttpStatusCode.OK);

        var desired = Assert.Single(host.Databases.Calls).Bdb!;
        Assert.Equal(DataPersistence.Snapshot, desired.DataPersistence);
        Assert.Equal([new SnapshotRule(3600, 1), new SnapshotRule(300, 100)], desired.SnapshotPolicy);
        Assert.True(desired.MasterPersistence);
        Assert.Equal("snapshot", (string?)bdb["data_persistence"]);
        Assert.Equal(300, (int?)bdb["snapshot_policy"]![1]!["secs"]);
        Assert.Equal(100, (int?)bdb["snapshot_policy"]![1]!["writes"]);
        Assert.True((bool?)bdb["master_persistence"]);
    }

    [Fact]
    public async Task Update_AofAlways_ReachesTheOperation()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"plain","memory_size":1}""").ExpectAsync(HttpStatusCode.OK);

        await host.Client().PutJsonAsync("/v1/bdbs/1", """{"data_persistence":"aof","aof_policy":"appendfsync-always"}""").ExpectAsync(HttpStatusCode.OK);

        var desired = host.Databases.Calls[^1].Bdb!;
        Assert.Equal((DataPersistence.Aof, AofPolicy.AppendFsyncAlways), (desired.DataPersistence, desired.AofPolicy));
    }

    [Theory]
    [InlineData("""{"secs":3600}""")]
    [InlineData("""{"secs":0,"writes":1}""")]
    [InlineData("""{"secs":3600,"writes":1,"when":"now"}""")]
    [InlineData("\"3600 1\"")]
    public async Task Create_BadSnapshotRule_IsRefusedAndNothingIsCreated(string rule)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var response = await host.Client().PostJsonAsync("/v1/bdbs", $$"""{"name":"p","memory_size":1,"snapshot_policy":[{{rule}}]}""");

        Assert.False(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Databases.Calls);
    }
}
