using Spinel.ControlPlane.Store;

namespace Spinel.Api.Json;

/// <summary>Maps a database record, with its shards and endpoints from the same state, to the Redis Enterprise <c>bdb</c> object.</summary>
internal static class BdbJson
{
    public static BdbDto ToDto(BdbRecord bdb, ClusterState state, string? actionUid = null) => new()
    {
        Uid = bdb.Uid,
        Name = bdb.Name,
        Type = StoreEnumNames<BdbType>.Name(bdb.Type),
        Version = bdb.RedisVersion,
        MemorySize = bdb.MemorySize,
        ShardsCount = bdb.ShardsCount,
        Replication = bdb.Replication,
        Sharding = bdb.Sharding,
        ShardKeyRegex = [.. bdb.ShardKeyRegex.Select(r => new ShardKeyRegexDto(r))],
        ShardsPlacement = StoreEnumNames<ShardsPlacement>.Name(bdb.ShardsPlacement),
        ProxyPolicy = StoreEnumNames<ProxyPolicy>.Name(bdb.ProxyPolicy),
        Port = bdb.Port,
        Endpoints = [.. state.EndpointsOf(bdb.Uid).Select(e => ToDto(e, state))],
        AuthenticationRedisPass = bdb.AuthenticationRedisPass ?? "",
        DefaultUser = bdb.DefaultUser,
        TlsMode = StoreEnumNames<TlsMode>.Name(bdb.TlsMode),
        EnforceClientAuthentication = bdb.EnforceClientAuthentication ? "enabled" : "disabled",
        RolesPermissions = RbacJson.ToDto(bdb.RolesPermissions),
        AuthenticationSslClientCerts = [.. bdb.ClientCertificates.Select(c => new ClientCertificateDto(c))],
        DataPersistence = StoreEnumNames<DataPersistence>.Name(bdb.DataPersistence),
        AofPolicy = StoreEnumNames<AofPolicy>.Name(bdb.AofPolicy),
        SnapshotPolicy = [.. bdb.SnapshotPolicy.Select(r => new SnapshotRuleDto(r.Secs, r.Writes))],
        MasterPersistence = bdb.MasterPersistence,
        EvictionPolicy = StoreEnumNames<EvictionPolicy>.Name(bdb.EvictionPolicy),
        OssCluster = bdb.OssCluster,
        MaxConnections = bdb.MaxConnections,
        SlaveHa = bdb.SlaveHa,
        Backup = bdb.Backup,
        BackupInterval = bdb.BackupInterval,
        BackupIntervalOffset = bdb.BackupIntervalOffset,
        BackupLocation = bdb.BackupLocation is { } location ? new BackupLocationDto("mount_point", location) : null,
        BackupHistory = bdb.BackupHistory,
        BackupStatus = RunningBackup(state, bdb.Uid) is not null ? "exporting"
            : bdb.BackupStatus is { } ended ? StoreEnumNames<BackupStatus>.Name(ended) : "",
        BackupProgress = RunningBackup(state, bdb.Uid)?.Progress ?? (bdb.BackupStatus == Spinel.ControlPlane.Store.BackupStatus.Succeeded ? 100 : 0),
        BackupFailureReason = bdb.BackupFailureReason,
        LastBackupTime = bdb.LastBackupTime is { } last ? ApiTime.Format(last) : null,
        Status = StoreEnumNames<BdbStatus>.Name(bdb.Status),
        ShardList = [.. state.ShardsOf(bdb.Uid).Select(s => s.Uid).Order()],
        CreatedTime = ApiTime.Format(bdb.CreatedTime),
        LastChangedTime = ApiTime.Format(bdb.LastChangedTime),
        ActionUid = actionUid,
    };

    private static ActionRecord? RunningBackup(ClusterState state, int bdbUid)
    {
        var objectName = Spinel.ControlPlane.Orchestration.ActionNames.BdbObject(bdbUid);
        return state.Actions.Values.FirstOrDefault(a => a.Name == Spinel.ControlPlane.Orchestration.ActionNames.BackupBdb &&
                                                        a.ObjectName == objectName && a.Status is ActionStatus.Pending or ActionStatus.Active);
    }

    private static BdbEndpointDto ToDto(EndpointRecord endpoint, ClusterState state) => new()
    {
        Uid = endpoint.Uid,
        DnsName = $"redis-{endpoint.Port}.{state.Cluster?.Name}",
        Port = endpoint.Port,
        Addr = [.. endpoint.NodeUids.Select(n => state.Nodes.GetValueOrDefault(n)?.Address).OfType<string>()],
        ProxyPolicy = StoreEnumNames<ProxyPolicy>.Name(endpoint.ProxyPolicy),
    };
}
