using System.Diagnostics.CodeAnalysis;
using Spinel.Model;

namespace Spinel.NodeAgent.Configuration;

/// <summary>The part of a shard's topology entry that its redis-server process depends on; value equality.</summary>
internal sealed record ShardSettings
{
    public required int ShardUid { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    public long MaxMemoryBytes { get; init; }

    public required string EvictionPolicy { get; init; }

    /// <summary>Address of the master to replicate from; null for a master.</summary>
    public string? MasterHost { get; init; }

    public int? MasterPort { get; init; }

    /// <summary>Raised by the control plane to let a master that awaits a decision start again; changes nothing in a running process.</summary>
    public long Generation { get; init; }

    /// <summary><c>appendfsync</c> when the shard writes an append-only file; null when it does not.</summary>
    public string? AppendFsync { get; init; }

    /// <summary><c>save</c> rules when the shard writes snapshots; empty when it does not.</summary>
    public string SaveRules { get; init; } = "";

    /// <summary>True when a shard of the same database replicates from this one.</summary>
    public bool HasReplica { get; init; }

    /// <summary>The database's ACL users as <see cref="ShardAclUsers.Normalize"/> writes them; empty when it has none.</summary>
    public string AclUsers { get; init; } = "";

    /// <summary>The database's ACL users left out of <see cref="AclUsers"/> and why; empty when none is.</summary>
    public string RejectedAclUsers { get; init; } = "";

    public bool IsMaster => MasterHost is null;

    /// <summary>
    /// True when launching an empty process with these settings would make a replica resync from it and lose its data.
    /// </summary>
    public bool IsReplicatedMaster => IsMaster && HasReplica;

    /// <summary>True when the running process can take <paramref name="next"/> without a restart (same address).</summary>
    public bool CanApplyLive(ShardSettings next) => Host == next.Host && Port == next.Port;

    /// <summary>Resolves the shard's master in <paramref name="snapshot"/>; fails when a replica's master is missing.</summary>
    public static bool TryCreate(
        ShardConfig shard,
        TopologySnapshot snapshot,
        [NotNullWhen(true)] out ShardSettings? settings,
        [NotNullWhen(false)] out string? error)
    {
        settings = null;
        ShardConfig? master = null;
        if (shard.Role == ShardRole.Replica)
        {
            if (shard.ReplicaOf is not { } masterUid)
            {
                error = $"shard {shard.Uid} is a replica but names no master";
                return false;
            }
            master = snapshot.Databases.SelectMany(d => d.Shards).FirstOrDefault(s => s.Uid == masterUid);
            if (master is null)
            {
                error = $"master shard {masterUid} of replica shard {shard.Uid} is not in the topology";
                return false;
            }
        }
        var database = snapshot.Databases.FirstOrDefault(d => d.Uid == shard.BdbUid);
        var aclUsers = ShardAclUsers.Normalize(database?.AclUsers ?? [], out var rejected);
        settings = new ShardSettings
        {
            ShardUid = shard.Uid,
            Host = shard.Host,
            Port = shard.Port,
            MaxMemoryBytes = shard.MaxMemoryBytes,
            EvictionPolicy = shard.EvictionPolicy,
            MasterHost = master?.Host,
            MasterPort = master?.Port,
            Generation = shard.Generation,
            AppendFsync = shard.AppendFsync,
            SaveRules = shard.SaveRules,
            HasReplica = snapshot.Databases
                .Where(d => d.Uid == shard.BdbUid)
                .SelectMany(d => d.Shards)
                .Any(s => s.ReplicaOf == shard.Uid && s.Uid != shard.Uid),
            AclUsers = aclUsers,
            RejectedAclUsers = rejected,
        };
        error = null;
        return true;
    }
}
