using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/cluster</c>: the cluster object. A change is one <see cref="UpdateCluster"/> through the store, proposed
/// against the state version the change was merged over.
/// </summary>
internal static partial class ClusterEndpoints
{
    private const int MaxProposals = 5;

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/cluster", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/cluster", UpdateAsync).WithMetadata(ApiEndpointPolicy.ClusterWrite);
    }

    private static IResult Get(IClusterStore store) =>
        ApiResults.Object(ClusterJson.ToDto(store.Current.Cluster!), ApiJsonContext.Default.ClusterDto);

    private static async Task<IResult> UpdateAsync(HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        using (document)
        {
            for (var proposal = 1; ; proposal++)
            {
                var state = store.Current;
                var current = state.Cluster!;
                if (ClusterRequestReader.Read(document.RootElement, current, out var desired) is { } error)
                {
                    return error.ToResult();
                }
                if (desired == current)
                {
                    return ApiResults.Written(ClusterJson.ToDto(current), ApiJsonContext.Default.ClusterDto);
                }
                var result = await store.ProposeAsync(new UpdateCluster { Cluster = desired, ExpectedClusterVersion = state.Version }, cancellationToken)
                    .ConfigureAwait(false);
                // The state version moves with every action step, so a conflict is mostly an unrelated change: merge again.
                if (result.Rejection?.Code == RejectionCode.VersionConflict && proposal < MaxProposals)
                {
                    continue;
                }
                if (OperationResults.ToResult(result, ErrorCodes.Busy, ErrorCodes.InvalidParameter) is { } failure)
                {
                    return failure;
                }
                var stored = result.State!.Cluster!;
                Log.ClusterSettingsChanged(loggers.CreateLogger(typeof(ClusterEndpoints).FullName!),
                    StoreEnumNames<FailureDetectionSensitivity>.Name(stored.FailureDetectionSensitivity), stored.SlaveHa, stored.SlaveHaGracePeriod);
                return ApiResults.Written(ClusterJson.ToDto(stored), ApiJsonContext.Default.ClusterDto);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ClusterSettingsChanged, Level = LogLevel.Information,
            Message = "Cluster settings changed: failure_detection_sensitivity {Sensitivity}, slave_ha {SlaveHa}, slave_ha_grace_period {GracePeriod} s")]
        public static partial void ClusterSettingsChanged(ILogger logger, string sensitivity, bool slaveHa, int gracePeriod);
    }
}
