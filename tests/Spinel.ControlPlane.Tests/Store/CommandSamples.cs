using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Store;

/// <summary>One instance of every command with every property set, for serialisation and coverage tests.</summary>
public static class CommandSamples
{
    public static IReadOnlyList<ClusterCommand> All { get; } =
    [
        new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1) with { Uid = 1 }, Admin = Records.User(), ExpectedClusterVersion = 0 },
        new AddNode { Node = Records.Node(2) with { RestPort = 9444, MaxRedisServers = 7, Status = NodeStatus.Provisioning }, ExpectedClusterVersion = 3 },
        new UpdateNode { Node = Records.Node(2, uid: 2) with { Status = NodeStatus.Down, RackId = null }, ExpectedVersion = 4 },
        new RemoveNode { Uid = 3, ExpectedVersion = 2 },
        new PutBdb
        {
            Bdb = Records.Bdb() with
            {
                Type = BdbType.Memcached,
                RedisVersion = "7.2",
                Replication = true,
                Sharding = true,
                ShardKeyRegex = [@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"],
                ShardsPlacement = ShardsPlacement.Sparse,
                ProxyPolicy = ProxyPolicy.AllMasterShards,
                AuthenticationRedisPass = "secret",
                DataPersistence = DataPersistence.Aof,
                AofPolicy = AofPolicy.AppendFsyncAlways,
                SnapshotPolicy = [new SnapshotRule(3600, 1), new SnapshotRule(300, 100)],
                MasterPersistence = true,
                AdditionalPasswords = ["second", "third"],
                DefaultUser = false,
                TlsMode = TlsMode.Enabled,
                EnforceClientAuthentication = true,
                ClientCertificates = ["-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"],
                Backup = true,
                BackupInterval = 3600,
                BackupIntervalOffset = 60,
                BackupLocation = "/srv/backups",
                BackupHistory = 7,
                BackupStatus = BackupStatus.Failed,
                BackupFailureReason = "wrong-file-path",
                LastBackupTime = Records.Time,
                LastBackupAttemptTime = Records.Time.AddHours(1),
                EvictionPolicy = EvictionPolicy.AllKeysLfu,
                OssCluster = true,
                Status = BdbStatus.ActiveChangePending,
                CreatedTime = Records.Time,
                LastChangedTime = Records.Time.AddMinutes(1),
                SlaveHa = false,
            },
            ExpectedVersion = 0,
        },
        new DeleteBdb { Uid = 1, ExpectedVersion = 5 },
        new PutShards
        {
            BdbUid = 1,
            Shards = [Records.Shard(1, 1, 20000, uid: 1), Records.Shard(1, 2, 20001, replicaOf: 1) with { AssignedSlots = [new SlotRange(0, 5460), new SlotRange(7, 7)], Status = ShardStatus.Trimming, Held = true, Generation = 3 }],
            ExpectedBdbVersion = 2,
        },
        new DeleteShards { BdbUid = 1, ShardUids = [1, 2], ExpectedBdbVersion = 3 },
        new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, ProxyPolicy = ProxyPolicy.AllNodes, NodeUids = [1, 2, 3] }, ExpectedBdbVersion = 4 },
        new DeleteEndpoint { Uid = "1:1", ExpectedBdbVersion = 5 },
        new PutAction
        {
            Action = Records.Action() with { Error = "boom", Status = ActionStatus.Failed, Data = ValueDictionary.Create(new Dictionary<string, string> { ["placement"] = "1,2", ["port"] = "12000" }) },
            ExpectedVersion = 1,
        },
        new DeleteAction { ActionUid = "a-1", ExpectedVersion = 2 },
        new PutUser { User = Records.User("ops", UserRole.ClusterViewer), ExpectedVersion = 0 },
        new DeleteUser { Uid = 2, ExpectedVersion = 1 },
        new PutUser { User = Records.User("alice", UserRole.None) with { RoleUids = [1, 2], RedisPasswordDigests = [new string('a', 64)] } },
        new PutRedisAcl { RedisAcl = new RedisAclRecord { Name = "read-only", Acl = "+@read ~app:*" }, ExpectedVersion = 0 },
        new DeleteRedisAcl { Uid = 2, ExpectedVersion = 1 },
        new PutRole { Role = new RoleRecord { Uid = 3, Name = "app", Management = UserRole.DbMember }, ExpectedVersion = 2 },
        new DeleteRole { Uid = 3 },
        new Batch { Commands = [new PutBdb { Bdb = Records.Bdb("batched", port: 12005) with { RolesPermissions = [new RolePermission(1, 2), new RolePermission(3, 1)] }, ExpectedVersion = 0 }, new DeleteAction { ActionUid = "a-9" }] },
        new UpdateCluster
        {
            Cluster = Records.Cluster() with { FailureDetectionSensitivity = FailureDetectionSensitivity.Low, SlaveHa = false, SlaveHaGracePeriod = 30 },
            ExpectedClusterVersion = 6,
        },
        new AppendEvents
        {
            Events =
            [
                new EventRecord
                {
                    Uid = 7, Time = Records.Time, Type = "shard_failover", Severity = EventSeverity.Warning, Description = "auto failover",
                    BdbUid = 1, NodeUid = 2, ShardUid = 3, ActionUid = "a-1",
                    Data = ValueDictionary.Create(new Dictionary<string, string> { ["mode"] = "auto", ["to_node_uid"] = "3" }),
                },
                new EventRecord { Type = "cluster_bdb_created" },
            ],
            ExpectedClusterVersion = 7,
        },
        new UpdateCertificate
        {
            Name = CertificateName.Api,
            Certificate = new CertificatePair { CertificatePem = "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----", KeyPem = "-----BEGIN PRIVATE KEY-----\nB\n-----END PRIVATE KEY-----" },
        },
        new RecoverCluster { State = Records.WithBdb() with { Nodes = Records.WithBdb().Nodes.SetItem(2, Records.WithBdb().Nodes[2] with { Status = NodeStatus.Down }) } },
    ];

    public static TheoryData<ClusterCommand> AllCommands() => new(All);

    /// <summary>Every command but those that start a cluster (create or recover).</summary>
    public static TheoryData<ClusterCommand> AllNeedingACluster() => new(All.Where(c => c is not (CreateCluster or RecoverCluster)));
}
