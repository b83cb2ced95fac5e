using Spinel.ControlPlane.Resharding;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Operations;

/// <summary>What a database needs for the OSS Cluster API (<c>oss_cluster</c>), as Redis Enterprise requires it.</summary>
internal static class OssClusterRules
{
    public static OperationError? Check(BdbRecord bdb)
    {
        if (!bdb.OssCluster)
        {
            return null;
        }
        if (bdb.ProxyPolicy == ProxyPolicy.Single)
        {
            return Invalid("oss_cluster requires proxy_policy 'all-master-shards' or 'all-nodes': clients connect to the proxy of each master's node");
        }
        if (!BdbKeyHashing.Of(bdb).IsDefault)
        {
            return Invalid("oss_cluster requires the standard hashing policy (no custom shard_key_regex): Redis Cluster clients compute slots themselves");
        }
        return null;
    }

    private static OperationError Invalid(string description) =>
        new(OperationErrorKind.InvalidConfiguration, "invalid_oss_cluster_configuration", description);
}
