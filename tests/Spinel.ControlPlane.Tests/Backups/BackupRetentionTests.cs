using Spinel.ControlPlane.Backups;

namespace Spinel.ControlPlane.Tests.Backups;

public sealed class BackupRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("spinel-retention-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void OnlyThisDatabasesBackupsOlderThanTheHistoryExpire()
    {
        var old1 = Touch("cache-db3-shard1-20260301-120000.rdb");
        var old2 = Touch("cache-db3-shard2-20260302-235959.rdb");
        Touch("cache-db3-shard1-20260309-120000.rdb");
        Touch("renamed-db3-shard7-20260310-110000.rdb");
        Touch("cache-db33-shard1-20260101-000000.rdb");
        Touch("cache-db3-shard1-20260101-000000.rdb.tmp");
        Touch("notes-db3-shardX-20260101-000000.rdb");
        Touch("dump.rdb");

        Assert.Equal([old1, old2], BackupRetention.Expired(_directory, 3, historyDays: 7, Now));
    }

    [Fact]
    public void HistoryZero_KeepsEverything()
    {
        Touch("cache-db3-shard1-20200101-000000.rdb");

        Assert.Empty(BackupRetention.Expired(_directory, 3, historyDays: 0, Now));
    }

    [Fact]
    public void MissingDirectory_HasNothingToExpire()
    {
        Assert.Empty(BackupRetention.Expired(Path.Combine(_directory, "gone"), 3, historyDays: 1, Now));
    }

    [Theory]
    [InlineData("a-b-c-db12-shard4-20261123-010203.rdb", 12, "2026-11-23T01:02:03Z")]
    [InlineData("a-db12-shard4-20261123-010203.rdb", 1, null)]
    [InlineData("a-db12-shard4-20261399-010203.rdb", 12, null)]
    public void TakenAt_ReadsTheTimeOfThisDatabasesFiles(string name, int bdbUid, string? expected)
    {
        var taken = BackupRetention.TakenAt(name, bdbUid);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), taken);
    }
}
