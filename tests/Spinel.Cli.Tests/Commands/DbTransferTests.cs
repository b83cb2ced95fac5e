using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class DbTransferTests
{
    private const string ActionUid = "a1a1a1a1-0000-4000-8000-0000000000e1";

    [Fact]
    public async Task DbExport_PostsTheMountPointAndWaitsForTheAction()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("POST", "/v1/bdbs/2/actions/export", $$"""{"action_uid": "{{ActionUid}}", "description": "Export was triggered"}""");
        server.On("GET", $"/v1/actions/{ActionUid}",
            ClusterFixture.Action(ActionUid, "active", 50, "export_shards", name: "SMExportBDB", objectName: "bdb:2"),
            ClusterFixture.Action(ActionUid, "completed", 100, "completed", name: "SMExportBDB", objectName: "bdb:2"));

        var result = await CliRunner.RunAsync(server, "db", "export", "cache", "--path", "/mnt/backups");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"export_location":{"type":"mount_point","path":"/mnt/backups"}}""", server.Single("POST", "/v1/bdbs/2/actions/export").Body);
        Assert.Contains("database 'cache' (db:2) exported", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbImport_PostsEveryFileInOrder()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("POST", "/v1/bdbs/2/actions/import", $$"""{"action_uid": "{{ActionUid}}", "description": "Import was triggered"}""");

        var result = await CliRunner.RunAsync(server, "db", "import", "cache", "--file", "/mnt/a.rdb", "--file", "/mnt/b.rdb", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"dataset_import_sources":[{"type":"mount_point","path":"/mnt/a.rdb"},{"type":"mount_point","path":"/mnt/b.rdb"}]}""",
            server.Single("POST", "/v1/bdbs/2/actions/import").Body);
    }

    [Fact]
    public async Task DbExport_RelativePath_IsAUsageErrorAndSendsNothing()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "export", "cache", "--path", "backups");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("absolute", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("POST", "/v1/bdbs/2/actions/export"));
    }

    [Fact]
    public async Task DbRecover_PostsAndPrintsWhatMoved()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("POST", "/v1/bdbs/2/actions/recover", """{"description": "Recovery re-created shard 3 on node 1"}""");

        var result = await CliRunner.RunAsync(server, "db", "recover", "cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{}", server.Single("POST", "/v1/bdbs/2/actions/recover").Body);
        Assert.Contains("re-created shard 3 on node 1", result.Out, StringComparison.Ordinal);
    }
}
