using Spinel.Model;

namespace Spinel.NodeAgent.Tests.Processes;

public class ReplicationInfoTests
{
    [Fact]
    public void TryParse_Master_ReadsRoleAndMasterOffset()
    {
        const string info = "# Replication\r\nrole:master\r\nconnected_slaves:1\r\n" +
                            "slave0:ip=127.0.0.1,port=21001,state=online,offset=420,lag=0\r\n" +
                            "master_replid:8a7c\r\nmaster_repl_offset:420\r\nsecond_repl_offset:-1\r\n";

        Assert.True(ReplicationInfo.TryParse(info, out var replication));

        Assert.Equal(new ReplicationInfo(ShardRole.Master, null, 420), replication);
    }

    [Theory]
    [InlineData("up", true)]
    [InlineData("down", false)]
    public void TryParse_Replica_ReadsLinkAndReplicaOffset(string link, bool linkUp)
    {
        var info = "# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:21000\r\n" +
                   $"master_link_status:{link}\r\nslave_repl_offset:380\r\nslave_read_repl_offset:380\r\nmaster_repl_offset:390\r\n";

        Assert.True(ReplicationInfo.TryParse(info, out var replication));

        Assert.Equal(new ReplicationInfo(ShardRole.Replica, linkUp, 380), replication);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("# Replication\r\nrole:sentinel\r\n")]
    [InlineData("-ERR unknown command")]
    public void TryParse_NoKnownRole_Fails(string? info)
    {
        Assert.False(ReplicationInfo.TryParse(info, out var replication));
        Assert.Null(replication);
    }
}
