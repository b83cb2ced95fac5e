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
/// <c>/v1/cluster/certificates</c> and <c>/v1/cluster/update_cert</c>: the cluster-wide certificates of the database
/// endpoints (<c>proxy</c>) and of the REST API (<c>api</c>). A new pair is one <see cref="UpdateCertificate"/>
/// through the store; every node presents it from its next TLS handshake on, and connections already open keep theirs.
/// </summary>
internal static partial class ClusterCertificateEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/cluster/certificates", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/cluster/update_cert", UpdateAsync).WithMetadata(ApiEndpointPolicy.ClusterWrite);
    }

    private static IResult Get(IClusterStore store) =>
        ApiResults.Object(ToDto(store.Current.Cluster!), ApiJsonContext.Default.ClusterCertificatesDto);

    private static async Task<IResult> UpdateAsync(HttpContext context, IClusterStore store, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        CertificateName name;
        CertificatePair pair;
        using (document)
        {
            if (CertificateRequestReader.Read(document.RootElement, time.GetUtcNow(), out name, out pair) is { } error)
            {
                return error.ToResult();
            }
        }
        var result = await store.ProposeAsync(new UpdateCertificate { Name = name, Certificate = pair }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.Busy, ErrorCodes.InvalidCertificate) is { } failure)
        {
            return failure;
        }
        Log.CertificateUpdated(loggers.CreateLogger(typeof(ClusterCertificateEndpoints).FullName!), StoreEnumNames<CertificateName>.Name(name));
        return ApiResults.Written(ToDto(result.State!.Cluster!), ApiJsonContext.Default.ClusterCertificatesDto);
    }

    private static ClusterCertificatesDto ToDto(ClusterRecord cluster) => new()
    {
        ProxyCert = cluster.ProxyCertificate?.CertificatePem,
        ApiCert = cluster.ApiCertificate?.CertificatePem,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.CertificateUpdated, Level = LogLevel.Information,
            Message = "Cluster certificate {Name} replaced: every node presents it to new TLS connections")]
        public static partial void CertificateUpdated(ILogger logger, string name);
    }
}
