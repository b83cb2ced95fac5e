using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/nodes/{uid}/actions/...</c>: node actions (only <c>remove</c> so far, run by <see cref="INodeOperations"/> on
/// the leader) and the actions whose object is a node (<c>node:&lt;uid&gt;</c>).
/// </summary>
internal static class NodeActionEndpoints
{
    private const string NodeObjectPrefix = "node:";

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/nodes/actions", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/nodes/{uid:int}/actions", ListOfNode).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPost("/nodes/{uid:int}/actions/remove", RemoveAsync).WithMetadata(ApiEndpointPolicy.NodeAction);
    }

    private static IResult List(IClusterStore store) =>
        ApiResults.List(ActionJson.ToDtos(store.Current.Actions.Values.Where(a => a.ObjectName.StartsWith(NodeObjectPrefix, StringComparison.Ordinal))),
            ApiJsonContext.Default.IReadOnlyListStateMachineDto);

    // Like a database's, a node's actions outlive it: an unknown node has a list too (maybe empty).
    private static IResult ListOfNode(int uid, IClusterStore store)
    {
        var objectName = NodeObjectPrefix + uid.ToString(CultureInfo.InvariantCulture);
        return ApiResults.List(ActionJson.ToDtos(store.Current.Actions.Values.Where(a => a.ObjectName == objectName)),
            ApiJsonContext.Default.IReadOnlyListStateMachineDto);
    }

    private static async Task<IResult> RemoveAsync(int uid, HttpContext context, IClusterStore store, INodeOperations nodes, CancellationToken cancellationToken)
    {
        if (!store.Current.Nodes.ContainsKey(uid))
        {
            return ApiResults.NotFound(ErrorCodes.NodeNotFound, $"node {uid} does not exist");
        }
        if (!JsonBody.TryParseOptionalObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        using (document)
        {
            if (ReadRemove(document.RootElement) is { } error)
            {
                return error.ToResult();
            }
        }
        var outcome = await nodes.RemoveAsync(uid, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } failure)
        {
            return OperationResults.ToResult(failure);
        }
        return ApiResults.Written(new ActionAcceptedDto { ActionUid = outcome.ActionUid, Description = "Remove was triggered" },
            ApiJsonContext.Default.ActionAcceptedDto);
    }

    // INodeOperations.RemoveAsync has no such option (yet): wait_for_persistence is type-checked and has no effect.
    private static RequestError? ReadRemove(System.Text.Json.JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            var error = property.Name == "wait_for_persistence"
                ? JsonFields.ReadBool(property.Name, property.Value, out _)
                : JsonFields.UnknownField(property.Name);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }
}
