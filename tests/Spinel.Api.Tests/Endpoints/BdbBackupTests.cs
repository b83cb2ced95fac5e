using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

/// <summary>The periodic backup fields of a <c>bdb</c>: set on create and update, read back with the status of the last backup.</summary>
public sealed class BdbBackupTests
{
    [Fact]
    public async Task Create_BackupSettings_ReachTheOperationAndComeBack()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var bdb = await host.Client().PostJsonAsync("/v1/bdbs",
                """{"name":"b","memory_size":1,"backup":true,"backup_interval":14400,"backup_interval_offset":600,"backup_history":7,"backup_location":{"type":"mount_point","path":"/srv/backups"}}""")
            .ExpectAsync(HttpStatusCode.OK);

        var desired = Assert.Single(host.Databases.Calls).Bdb!;
        Assert.Equal((true, 14400, 600, 7, "/srv/backups"),
            (desired.Backup, desired.BackupInterval, desired.BackupIntervalOffset, desired.BackupHistory, desired.BackupLocation));
        Assert.True((bool?)bdb["backup"]);
        Assert.Equal(14400, (int?)bdb["backup_interval"]);
        Assert.Equal("mount_point", (string?)bdb["backup_location"]!["type"]);
        Assert.Equal("/srv/backups", (string?)bdb["backup_location"]!["path"]);
        Assert.Equal("", (string?)bdb["backup_status"]);
    }

    [Theory]
    [InlineData("""{"backup_location":{"type":"mount_point","path":"relative/dir"}}""")]
    [InlineData("""{"backup_location":{"type":"mount_point","path":"/srv/../etc"}}""")]
    [InlineData("""{"backup_location":{"type":"s3","path":"/srv"}}""")]
    [InlineData("""{"backup_location":"/srv"}""")]
    [InlineData("""{"backup_interval":-1}""")]
    [InlineData("""{"backup_history":"forever"}""")]
    [InlineData("""{"backup_status":"succeeded"}""")]
    [InlineData("""{"last_backup_time":"2026-01-01T00:00:00Z"}""")]
    public async Task Update_BadOrReadOnlyBackupField_IsRefusedAndNothingChanges(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var response = await host.Client().PutJsonAsync("/v1/bdbs/1", body);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Get_ShowsARunningBackupAsExporting_ThenTheLastOutcome()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var finished = host.Time.GetUtcNow();
        host.Store.Apply(new PutBdb
        {
            Bdb = host.Store.Current.Bdbs[1] with
            {
                Backup = true, BackupInterval = 3600, BackupLocation = "/srv/backups",
                BackupStatus = BackupStatus.Failed, BackupFailureReason = "no-permission", LastBackupTime = finished,
            },
        });
        host.Store.Apply(new PutAction
        {
            Action = new ActionRecord
            {
                ActionUid = "a-backup-1", Name = "SMBackupBDB", ObjectName = "bdb:1", State = "export_shards",
                Status = ActionStatus.Active, Progress = 50, CreationTime = finished,
            },
        });

        var running = await host.Client().GetOkAsync("/v1/bdbs/1");
        Assert.Equal("exporting", (string?)running["backup_status"]);
        Assert.Equal(50, (double?)running["backup_progress"]);

        host.Store.Apply(new PutAction { Action = host.Store.Current.Actions["a-backup-1"] with { Status = ActionStatus.Failed }, ExpectedVersion = host.Store.Current.Actions["a-backup-1"].Version });
        var ended = await host.Client().GetOkAsync("/v1/bdbs/1");
        Assert.Equal("failed", (string?)ended["backup_status"]);
        Assert.Equal("no-permission", (string?)ended["backup_failure_reason"]);
        Assert.NotNull((string?)ended["last_backup_time"]);
    }
}
