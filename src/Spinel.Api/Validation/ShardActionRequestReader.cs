using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the bodies of <c>POST /v1/shards[/{uid}]/actions/failover|migrate</c>. Without a uid in the path the body names
/// the shards (<c>shard_uids</c>); with one it may not. Redis Enterprise fields Spinel has no use for are checked for
/// their type, then ignored: <c>dead_uid(s)</c>, <c>dead_nodes</c>, <c>force_rebind</c>, <c>redis_version_upgrade</c>,
/// <c>override_rack_policy</c>, <c>max_concurrent_bdb_migrations</c>.
/// </summary>
internal static class ShardActionRequestReader
{
    public static RequestError? ReadFailover(JsonElement body, int? pathUid, out ShardFailoverRequest request)
    {
        request = new ShardFailoverRequest([]);
        IReadOnlyList<int> uids = pathUid is { } uid ? [uid] : [];
        bool immediate = false, dryRun = false;
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            var error = field switch
            {
                "shard_uids" when pathUid is null => JsonFields.ReadUids(field, value, out uids),
                "immediate" => JsonFields.ReadBool(field, value, out immediate),
                "dry_run" => JsonFields.ReadBool(field, value, out dryRun),
                "dead_uid" => JsonFields.ReadUid(field, value, out _),
                "dead_uids" or "dead_nodes" => JsonFields.ReadUids(field, value, out _),
                "force_rebind" => JsonFields.ReadBool(field, value, out _),
                "redis_version_upgrade" => JsonFields.ReadString(field, value, 16, out _),
                _ => JsonFields.UnknownField(field),
            };
            if (error is not null)
            {
                return error;
            }
        }
        if (uids.Count == 0)
        {
            return ShardUidsRequired();
        }
        request = new ShardFailoverRequest(uids, immediate, dryRun);
        return null;
    }

    public static RequestError? ReadMigrate(JsonElement body, int? pathUid, out ShardMigrateRequest request)
    {
        request = new ShardMigrateRequest([], 0);
        IReadOnlyList<int> uids = pathUid is { } uid ? [uid] : [];
        int? target = null;
        bool preserveRoles = false, dryRun = false;
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            var error = field switch
            {
                "shard_uids" when pathUid is null => JsonFields.ReadUids(field, value, out uids),
                "target_node_uid" => ReadTarget(value, out target),
                "preserve_roles" => JsonFields.ReadBool(field, value, out preserveRoles),
                "dry_run" => JsonFields.ReadBool(field, value, out dryRun),
                "override_rack_policy" => JsonFields.ReadBool(field, value, out _),
                "max_concurrent_bdb_migrations" when pathUid is null => JsonFields.ReadInt(field, value, 1, int.MaxValue, out _),
                _ => JsonFields.UnknownField(field),
            };
            if (error is not null)
            {
                return error;
            }
        }
        if (uids.Count == 0)
        {
            return ShardUidsRequired();
        }
        if (target is not { } node)
        {
            return RequestError.NotFound(ErrorCodes.TargetNodeUidRequired, "target_node_uid is required: the node the shards move to");
        }
        request = new ShardMigrateRequest(uids, node, preserveRoles, dryRun);
        return null;
    }

    private static RequestError? ReadTarget(JsonElement value, out int? target)
    {
        var error = JsonFields.ReadUid("target_node_uid", value, out var uid);
        target = error is null ? uid : null;
        return error;
    }

    private static RequestError ShardUidsRequired() =>
        RequestError.NotFound(ErrorCodes.ShardUidsRequired, "shard_uids is required: a non-empty list of shard uids");
}
