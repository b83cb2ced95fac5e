namespace Spinel.NodeAgent.Tests.Processes;

public sealed class ShardInfoSampleTests
{
    [Fact]
    public void Parse_InfoOfSeveralSections_ReadsTheFiguresMetricsReport()
    {
        const string info = "# Replication\r\nrole:master\r\n# Clients\r\nconnected_clients:7\r\n# Memory\r\nused_memory:1048576\r\n" +
            "maxmemory:104857600\r\n# Stats\r\ninstantaneous_ops_per_sec:42\r\nevicted_keys:3\r\nexpired_keys:5\r\nkeyspace_hits:10\r\n" +
            "keyspace_misses:2\r\ntotal_commands_processed:99\r\n# Keyspace\r\ndb0:keys=250,expires=4,avg_ttl=1000\r\n";

        var sample = ShardInfoSample.Parse(info);

        Assert.Equal((1048576, 104857600, 250, 4), (sample.UsedMemory, sample.MaxMemory, sample.DbKeys, sample.DbExpires));
        Assert.Equal((7, 42, 3, 5), (sample.ConnectedClients, sample.InstantaneousOpsPerSec, sample.EvictedKeys, sample.ExpiredKeys));
        Assert.Equal((10, 2, 99), (sample.KeyspaceHits, sample.KeyspaceMisses, sample.TotalCommandsProcessed));
    }

    [Fact]
    public void Parse_EmptyKeyspace_HasNoKeys() => Assert.Equal(0, ShardInfoSample.Parse("# Keyspace\r\n").DbKeys);
}
