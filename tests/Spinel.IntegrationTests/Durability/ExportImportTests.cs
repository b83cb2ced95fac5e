using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Durability;

/// <summary>
/// Export of a 2-shard database to RDB files (one per master) and import of those files into a 4-shard database, keys
/// re-sharded by slot with their types and TTLs; import of a plain redis-server's dump.rdb; bad locations refused.
/// </summary>
public sealed class ExportImportTests(ITestOutputHelper output) : IDisposable
{
    private const int Keys = 1000;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("spinel-export-test-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task ExportOf2ShardsImportsInto4AndAPlainRedisDumpLoadsToo()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 69);
        var source = await CreateAsync(cluster, "source", 12072, shards: 2);
        var target = await CreateAsync(cluster, "target", 12073, shards: 4);
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{source.Endpoint},abortConnect=false"))
        {
            var db = client.GetDatabase();
            await Task.WhenAll(Enumerable.Range(0, Keys).Select(i => i % 10 == 0
                ? db.StringSetAsync($"k:{i}", i, TimeSpan.FromHours(1))
                : db.StringSetAsync($"k:{i}", i)));
            await db.HashSetAsync("h", [new HashEntry("a", "1"), new HashEntry("b", "2")]);
            await db.ListRightPushAsync("l", ["x", "y", "z"]);
        }

        using var api = cluster.Admin(0);
        var directory = Path.Combine(_scratch.FullName, "export");
        var export = await api.PostAsync($"/v1/bdbs/{source.Uid}/actions/export", new JsonObject
        {
            ["export_location"] = new JsonObject { ["type"] = "mount_point", ["path"] = directory },
        });
        Assert.True(export.Status == HttpStatusCode.OK, export.ToString());
        var exported = await cluster.WaitForActionAsync(export.Body["action_uid"]!.GetValue<string>());
        output.WriteLine(exported.ToJsonString());
        var files = Directory.GetFiles(directory, "*.rdb").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.StartsWith("source-db", Path.GetFileName(f), StringComparison.Ordinal));

        var import = await api.PostAsync($"/v1/bdbs/{target.Uid}/actions/import", new JsonObject
        {
            ["dataset_import_sources"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["type"] = "mount_point", ["path"] = f })]),
        });
        Assert.True(import.Status == HttpStatusCode.OK, import.ToString());
        await cluster.WaitForActionAsync(import.Body["action_uid"]!.GetValue<string>());

        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{target.Endpoint},abortConnect=false"))
        {
            var db = client.GetDatabase();
            var values = await Task.WhenAll(Enumerable.Range(0, Keys).Select(i => db.StringGetAsync($"k:{i}")));
            Assert.Equal(Enumerable.Range(0, Keys).Select(i => i.ToString(CultureInfo.InvariantCulture)), values.Select(v => v.ToString()));
            var ttl = await db.KeyTimeToLiveAsync("k:10");
            Assert.True(ttl > TimeSpan.FromMinutes(59), $"k:10 has TTL {ttl}");
            Assert.Null(await db.KeyTimeToLiveAsync("k:11"));
            Assert.Equal("2", (await db.HashGetAsync("h", "b")).ToString());
            Assert.Equal(["x", "y", "z"], (await db.ListRangeAsync("l")).Select(v => v.ToString()));
            Assert.Equal(Keys + 2L, (long)await db.ExecuteAsync("DBSIZE"));
        }
        // Every key is on the master that owns its slot: each of the 4 shards holds some, none holds a foreign one.
        foreach (var shard in (await new ReplicatedDatabase(cluster, target.Uid, target.Port).ShardsAsync()).Where(s => s.Role == "master"))
        {
            await using var direct = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port},allowAdmin=true");
            var keys = direct.GetServer($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port}").Keys(pageSize: 1000).ToList();
            var ranges = shard.Slots.Split(',').Select(r => r.Split('-')).Select(p => (Start: int.Parse(p[0], CultureInfo.InvariantCulture), End: int.Parse(p[^1], CultureInfo.InvariantCulture))).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, k =>
            {
                var slot = Spinel.Resp.Slots.HashSlot.Compute((byte[])k!);
                Assert.Contains(ranges, r => slot >= r.Start && slot <= r.End);
            });
        }

        // A dump.rdb from a plain redis-server replaces the database's data.
        var plain = await PlainRedisDumpAsync(50);
        var second = await api.PostAsync($"/v1/bdbs/{target.Uid}/actions/import", new JsonObject
        {
            ["dataset_import_sources"] = new JsonArray(new JsonObject { ["type"] = "mount_point", ["path"] = plain }),
        });
        Assert.True(second.Status == HttpStatusCode.OK, second.ToString());
        await cluster.WaitForActionAsync(second.Body["action_uid"]!.GetValue<string>());
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{target.Endpoint},abortConnect=false"))
        {
            Assert.Equal(50L, (long)await client.GetDatabase().ExecuteAsync("DBSIZE"));
            Assert.Equal("plain-7", (await client.GetDatabase().StringGetAsync("p:7")).ToString());
        }

        var missing = await api.PostAsync($"/v1/bdbs/{target.Uid}/actions/import", new JsonObject
        {
            ["dataset_import_sources"] = new JsonArray(new JsonObject { ["type"] = "mount_point", ["path"] = Path.Combine(_scratch.FullName, "nothing.rdb") }),
        });
        var relative = await api.PostAsync($"/v1/bdbs/{source.Uid}/actions/export", new JsonObject
        {
            ["export_location"] = new JsonObject { ["type"] = "mount_point", ["path"] = "backups" },
        });
        var s3 = await api.PostAsync($"/v1/bdbs/{source.Uid}/actions/export", new JsonObject
        {
            ["export_location"] = new JsonObject { ["type"] = "s3", ["path"] = "/x" },
        });
        Assert.Equal(HttpStatusCode.NotAcceptable, missing.Status);
        Assert.Equal(HttpStatusCode.NotAcceptable, relative.Status);
        Assert.Equal(HttpStatusCode.NotAcceptable, s3.Status);
    }

    [Fact]
    public async Task PeriodicBackupsRunEveryIntervalRestoreTheDataAndReportFailures()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 70);
        var db = await CreateAsync(cluster, "nightly", 12074, shards: 2);
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{db.Endpoint},abortConnect=false"))
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.GetDatabase().StringSetAsync($"b:{i}", i)));
        }
        using var api = cluster.Admin(1);
        var directory = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "backups")).FullName;
        var enabled = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}", new JsonObject
        {
            ["backup"] = true, ["backup_interval"] = 10, ["backup_history"] = 1,
            ["backup_location"] = new JsonObject { ["type"] = "mount_point", ["path"] = directory },
        });
        Assert.True(enabled.Status == HttpStatusCode.OK, enabled.ToString());
        await cluster.WaitForActionAsync(enabled.Body["action_uid"]!.GetValue<string>());

        // Two intervals: two backups, each one file per master, told apart by their time.
        string[] Times() => Directory.GetFiles(directory, "*.rdb").Select(f => Path.GetFileNameWithoutExtension(f)[^15..])
            .Where(t => Directory.GetFiles(directory, $"*-{t}.rdb").Length == 2).Distinct().Order(StringComparer.Ordinal).ToArray();
        await Eventually.TrueAsync(() => Task.FromResult(Times().Length >= 2), "two complete periodic backups", TimeSpan.FromSeconds(45));
        var bdb = (await api.GetAsync($"/v1/bdbs/{db.Uid}")).Body;
        output.WriteLine(bdb.ToJsonString());
        Assert.Contains((string?)bdb["backup_status"], new[] { "succeeded", "exporting" });
        Assert.NotNull((string?)bdb["last_backup_time"]);
        var actions = (await api.GetAsync("/v1/actions")).Body.ToJsonString();
        Assert.Contains("SMBackupBDB", actions, StringComparison.Ordinal);

        // The first backup restores what the database held.
        var first = Directory.GetFiles(directory, $"*-{Times()[0]}.rdb");
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{db.Endpoint},abortConnect=false"))
        {
            await client.GetDatabase().StringSetAsync("b:0", "changed");
            await client.GetDatabase().StringSetAsync("later", "x");
        }
        // Backups off; the update, and a backup that may still be running, keep the database busy for a moment.
        var disable = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}", new JsonObject { ["backup"] = false });
        Assert.True(disable.Status == HttpStatusCode.OK, disable.ToString());
        await cluster.WaitForActionAsync(disable.Body["action_uid"]!.GetValue<string>());
        RestResponse restore = null!;
        await Eventually.TrueAsync(async () =>
        {
            restore = await api.WriteAsync(HttpMethod.Post, $"/v1/bdbs/{db.Uid}/actions/import", new JsonObject
            {
                ["dataset_import_sources"] = new JsonArray([.. first.Select(f => (JsonNode)new JsonObject { ["type"] = "mount_point", ["path"] = f })]),
            });
            return restore.Status != HttpStatusCode.Conflict;
        }, "the database to be free for the import", TimeSpan.FromSeconds(30));
        Assert.True(restore.Status == HttpStatusCode.OK, restore.ToString());
        await cluster.WaitForActionAsync(restore.Body["action_uid"]!.GetValue<string>());
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{db.Endpoint},abortConnect=false"))
        {
            Assert.Equal(200L, (long)await client.GetDatabase().ExecuteAsync("DBSIZE"));
            Assert.Equal("0", (await client.GetDatabase().StringGetAsync("b:0")).ToString());
        }

        // A location that does not exist: the backup fails and says why.
        var broken = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}", new JsonObject
        {
            ["backup"] = true,
            ["backup_location"] = new JsonObject { ["type"] = "mount_point", ["path"] = Path.Combine(_scratch.FullName, "no-such-dir") },
        });
        Assert.True(broken.Status == HttpStatusCode.OK, broken.ToString());
        await cluster.WaitForActionAsync(broken.Body["action_uid"]!.GetValue<string>());
        await Eventually.TrueAsync(async () =>
        {
            var now = (await api.GetAsync($"/v1/bdbs/{db.Uid}")).Body;
            return (string?)now["backup_status"] == "failed" && (string?)now["backup_failure_reason"] == "wrong-file-path";
        }, "the backup to a missing directory to fail with wrong-file-path", TimeSpan.FromSeconds(30));
    }

    /// <summary>Writes <paramref name="keys"/> keys into a redis-server of its own, saves, and returns its dump.rdb.</summary>
    private async Task<string> PlainRedisDumpAsync(int keys)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "plain")).FullName;
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var server = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no" },
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        try
        {
            ConnectionMultiplexer? client = null;
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    client = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true");
                    return true;
                }
                catch (RedisConnectionException)
                {
                    return false;
                }
            }, "the plain redis-server to answer");
            await using (client!)
            {
                await Task.WhenAll(Enumerable.Range(0, keys).Select(i => client!.GetDatabase().StringSetAsync($"p:{i}", $"plain-{i}")));
                await client!.GetDatabase().ExecuteAsync("SAVE");
            }
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
        return Path.Combine(dir, "dump.rdb");
    }

    private static async Task<(int Uid, int Port, string Endpoint)> CreateAsync(LocalCluster cluster, string name, int port, int shards)
    {
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = name, ["memory_size"] = 200L << 20, ["port"] = port, ["shards_count"] = shards, ["sharding"] = true,
            ["proxy_policy"] = "all-nodes",
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        return (created.Body["uid"]!.GetValue<int>(), port, $"{cluster.Nodes[0].Address}:{port}");
    }
}
