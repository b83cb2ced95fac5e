using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineDeterminismTests
{
    [Fact]
    public void ApplyingTheSameLogTwice_GivesEqualStates()
    {
        var log = RandomLog(seed: 7, length: 400);

        var first = Replay(log);
        var second = Replay(log);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(StoreSerializer.SerializeState(first), StoreSerializer.SerializeState(second));
    }

    [Fact]
    public void ReplayingTheLogThroughJson_GivesTheSameState()
    {
        var log = RandomLog(seed: 11, length: 400);

        var direct = Replay(log);
        var throughJson = Replay(log.Select(c => StoreSerializer.DeserializeCommand(StoreSerializer.SerializeCommand(c))));

        Assert.Equal(direct, throughJson);
    }

    [Fact]
    public void TheRandomLog_AppliesAndRejectsEveryKindOfCommand()
    {
        var state = ClusterState.Empty;
        var applied = new HashSet<Type>();
        var rejected = new HashSet<Type>();
        foreach (var command in RandomLog(seed: 7, length: 400))
        {
            var result = ClusterStateMachine.Execute(state, command);
            state = result.State;
            (result.Accepted ? applied : rejected).Add(command.GetType());
        }

        var kinds = CommandSamples.All.Select(c => c.GetType()).ToHashSet();
        // A recovery applies only to an empty store, which this log leaves after its first command.
        Assert.Equal(kinds.Where(t => t != typeof(RecoverCluster)).OrderBy(t => t.Name), applied.OrderBy(t => t.Name));
        Assert.Equal(kinds.Where(t => t != typeof(CreateCluster)).OrderBy(t => t.Name), rejected.OrderBy(t => t.Name));
    }

    [Fact]
    public void Apply_NeverChangesItsInput()
    {
        var before = Records.WithBdb();
        var copy = StoreSerializer.DeserializeState(StoreSerializer.SerializeState(before));

        foreach (var command in RandomLog(seed: 3, length: 100))
        {
            ClusterStateMachine.Apply(before, command);
        }

        Assert.Equal(copy, before);
    }

    [Fact]
    public void StatesWithDifferentContent_AreNotEqual()
    {
        var state = Records.WithBdb();
        var changed = ClusterStateMachine.Apply(state, new PutShards { BdbUid = 1, Shards = [state.Shards[1] with { AssignedSlots = [new SlotRange(0, 100)] }] });

        Assert.NotEqual(state with { Version = changed.Version, Bdbs = changed.Bdbs }, changed);
    }

    private static ClusterState Replay(IEnumerable<ClusterCommand> log) => log.Aggregate(ClusterState.Empty, ClusterStateMachine.Apply);

    /// <summary>
    /// A log of plausible commands from a seed: targets are mostly picked among the objects that exist at that point
    /// of the log, sometimes not, so that both outcomes occur.
    /// </summary>
    private static List<ClusterCommand> RandomLog(int seed, int length)
    {
        var random = new Random(seed);
        var log = new List<ClusterCommand> { new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1), Admin = Records.User() } };
        var state = ClusterStateMachine.Apply(ClusterState.Empty, log[0]);
        for (var i = 0; i < length; i++)
        {
            var node = Pick(random, state.Nodes.Keys, 6);
            var bdb = Pick(random, state.Bdbs.Keys, 5);
            ClusterCommand command = random.Next(35) switch
            {
                0 or 1 => new AddNode { Node = Records.Node(random.Next(1, 6)) },
                2 => new UpdateNode { Node = Records.Node(random.Next(1, 6), uid: node) with { TotalMemory = random.Next(1, 100) }, ExpectedVersion = random.Next(0, 3) == 0 ? 1 : null },
                3 => new RemoveNode { Uid = node },
                >= 4 and <= 6 => new PutBdb { Bdb = Records.Bdb($"db{random.Next(1, 5)}", 12000 + random.Next(1, 5), uid: random.Next(0, 2) * bdb) with { MemorySize = random.Next(1, 1000) } },
                7 => new DeleteBdb { Uid = bdb, ExpectedVersion = random.Next(0, 2) == 0 ? null : random.Next(1, 4) },
                >= 8 and <= 12 => new PutShards { BdbUid = bdb, Shards = [Records.Shard(bdb, node, 20000 + random.Next(0, 100), uid: random.Next(0, 3) == 0 ? random.Next(1, 20) : 0)] },
                13 => new DeleteShards { BdbUid = bdb, ShardUids = [Pick(random, state.ShardsOf(bdb).Select(s => s.Uid), 30)] },
                14 or 15 => new PutEndpoint { Endpoint = new EndpointRecord { Uid = $"{bdb}:1", BdbUid = bdb, Port = 12000 + random.Next(1, 5), NodeUids = [node] } },
                16 => new DeleteEndpoint { Uid = $"{bdb}:1" },
                17 or 18 => new PutAction { Action = Records.Action($"a-{random.Next(0, 5)}", $"bdb:{bdb}") with { Progress = random.Next(0, 100) }, ExpectedVersion = random.Next(0, 2) == 0 ? null : random.Next(0, 3) },
                19 => new DeleteAction { ActionUid = $"a-{random.Next(0, 5)}" },
                24 or 25 or 26 => new Batch { Commands = [new PutAction { Action = Records.Action($"a-{random.Next(0, 5)}", $"bdb:{bdb}") }, new DeleteShards { BdbUid = bdb, ShardUids = [Pick(random, state.ShardsOf(bdb).Select(s => s.Uid), 30)] }] },
                28 => new UpdateCertificate
                {
                    Name = random.Next(0, 2) == 0 ? CertificateName.Proxy : CertificateName.Api,
                    Certificate = new CertificatePair { CertificatePem = $"cert{i}", KeyPem = random.Next(0, 4) == 0 ? "" : $"key{i}" },
                },
                27 => new UpdateCluster
                {
                    Cluster = Records.Cluster(random.Next(0, 4) == 0 ? "renamed.local" : "cluster.local") with { SlaveHaGracePeriod = random.Next(-1, 100) },
                },
                29 or 30 => new AppendEvents
                {
                    Events = Enumerable.Range(0, random.Next(0, 3)).Select(n => new EventRecord { Type = $"event{n}", Time = Records.Time.AddSeconds(i) }).ToValueList(),
                },
                31 => new PutRedisAcl
                {
                    RedisAcl = new RedisAclRecord { Uid = random.Next(0, 2) * Pick(random, state.RedisAcls.Keys, 4), Name = $"acl{random.Next(0, 3)}", Acl = "+@read ~*" },
                },
                32 => new DeleteRedisAcl { Uid = Pick(random, state.RedisAcls.Keys, 4) },
                33 => new PutRole { Role = new RoleRecord { Uid = random.Next(0, 2) * Pick(random, state.Roles.Keys, 4), Name = $"role{random.Next(0, 3)}", Management = UserRole.DbViewer } },
                34 => new DeleteRole { Uid = Pick(random, state.Roles.Keys, 4) },
                20 => new DeleteUser { Uid = Pick(random, state.Users.Keys, 5) },
                _ => new PutUser { User = Records.User($"user{random.Next(0, 4)}", UserRole.DbMember), ExpectedClusterVersion = random.Next(0, 4) == 0 ? state.Version - random.Next(0, 2) : null },
            };
            log.Add(command);
            state = ClusterStateMachine.Apply(state, command);
            if (i % 97 == 50)
            {
                log.Add(new RecoverCluster { State = state });
            }
        }
        return log;
    }

    private static int Pick(Random random, IEnumerable<int> existing, int max)
    {
        var candidates = existing.ToList();
        return candidates.Count > 0 && random.Next(0, 5) > 0 ? candidates[random.Next(candidates.Count)] : random.Next(1, max + 1);
    }
}
