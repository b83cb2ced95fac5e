using System.Security.Cryptography;
using System.Text;
using Spinel.Model;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Supervision;

[Trait("Category", "Integration")]
public class ShardAclUserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_DatabaseWithAclUsers_MasterAndReplicaCarryThemAndTheDefaultUserIsUntouched()
    {
        int master = TestPorts.NextFree(), replica = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, WithUsers(
            TestTopology.Snapshot(1, TestTopology.Shard(1, master), TestTopology.Replica(2, replica, 1)),
            User("alice", "+@read +@scripting ~app:*", "pw1")));
        await context.StartAsync();
        await context.WaitForRunningAsync(1);
        await context.WaitForRunningAsync(2);

        foreach (var port in (int[])[master, replica])
        {
            var alice = await AclLineAsync(port, "alice");
            Assert.Contains(" on ", alice);
            Assert.Contains("#" + Digest("pw1"), alice);
            Assert.Contains("~app:*", alice);
            Assert.Contains("&*", alice);
            Assert.Contains("+@read", alice);
            Assert.Equal("user default on nopass ~* &* +@all", await AclLineAsync(port, "default"));
            Assert.Equal(["OK"], await RedisCli.RunAsync(port, "AUTH", "alice", "pw1"));
        }
    }

    [Fact]
    public async Task TopologyUpdate_UsersAddedChangedAndRemoved_AppliedLiveWithoutRestart()
    {
        var port = TestPorts.NextFree();
        var shard = TestTopology.Shard(1, port);
        await using var context = new NodeAgentTestContext(output, WithUsers(
            TestTopology.Snapshot(1, shard), User("alice", "+@read ~app:*", "pw1"), User("bob", "+@all ~*", "pw2")));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);
        Assert.NotNull(await AclLineAsync(port, "bob"));

        context.Topology.Update(WithUsers(
            TestTopology.Snapshot(2, shard), User("alice", "+@write ~other:*", "pw3"), User("carol", "+get ~c:*", "pw4")));

        await Eventually.UntilAsync(async () => await AclLineAsync(port, "carol") is not null, "carol to be added");
        await Eventually.UntilAsync(async () => await AclLineAsync(port, "bob") is null, "bob to be deleted");
        var alice = await AclLineAsync(port, "alice");
        Assert.Contains("~other:*", alice);
        Assert.DoesNotContain("~app:*", alice);
        Assert.Contains("#" + Digest("pw3"), alice);
        Assert.DoesNotContain("#" + Digest("pw1"), alice);
        Assert.Equal(before.Pid, context.Status(1)!.Pid);
        Assert.Contains("user carol", File.ReadAllText(Path.Combine(context.ShardDirectory(1), "redis.conf")));
    }

    [Fact]
    public async Task BadRuleOrName_UserSkipped_ShardStartsWithTheOthers()
    {
        var port = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, WithUsers(
            TestTopology.Snapshot(1, TestTopology.Shard(1, port)),
            User("alice", "+@read ~app:*", "pw1"),
            User("mallory", "+nosuchcommand ~*", "pw2"),
            User("default", "+@read", "pw3"),
            User("two words", "+@read", "pw4")));
        await context.StartAsync();
        await context.WaitForRunningAsync(1);

        Assert.NotNull(await AclLineAsync(port, "alice"));
        Assert.Null(await AclLineAsync(port, "mallory"));
        Assert.Equal("user default on nopass ~* &* +@all", await AclLineAsync(port, "default"));
        Assert.Equal(["PONG"], await RedisCli.RunAsync(port, "PING"));
    }

    private static async Task<string?> AclLineAsync(int port, string name) =>
        (await RedisCli.RunAsync(port, "ACL", "LIST")).FirstOrDefault(l => l.StartsWith($"user {name} ", StringComparison.Ordinal));

    private static TopologySnapshot WithUsers(TopologySnapshot snapshot, params DatabaseAclUser[] users) =>
        snapshot with { Databases = [snapshot.Databases[0] with { AclUsers = users }] };

    private static DatabaseAclUser User(string name, string rules, string password) =>
        new() { Name = name, Rules = rules, PasswordDigests = [Digest(password)] };

    private static string Digest(string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
