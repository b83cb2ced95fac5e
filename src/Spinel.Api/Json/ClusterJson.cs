using Spinel.ControlPlane.Store;

namespace Spinel.Api.Json;

/// <summary>Maps the cluster record to the Redis Enterprise <c>cluster</c> object, leaving the certificate authority out.</summary>
internal static class ClusterJson
{
    public static ClusterDto ToDto(ClusterRecord cluster) => new()
    {
        Name = cluster.Name,
        CreatedTime = ApiTime.Format(cluster.CreatedTime),
        FailureDetectionSensitivity = StoreEnumNames<FailureDetectionSensitivity>.Name(cluster.FailureDetectionSensitivity),
        SlaveHa = cluster.SlaveHa,
        SlaveHaGracePeriod = cluster.SlaveHaGracePeriod,
    };
}
