using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;
using Spinel.Node.Cluster;

namespace Spinel.Node.Heartbeats;

/// <summary><c>POST /v1/internal/heartbeat</c>: another node's report; answered with this node's lease decision.</summary>
internal static class HeartbeatEndpoint
{
    public const string Path = "/v1/internal/heartbeat";
    private const int MaxBody = 1 << 20;

    public static void MapHeartbeat(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(HttpContext context, IClusterStore store, IClusterHealth health, LeaderFence fence, ClusterNodeOptions options)
    {
        if (context.Request.ContentLength is > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var state = store.Current;
        if (!HeartbeatSignature.Verify(state, body, context.Request.Headers[HeartbeatSignature.Header]))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        NodeReport? report;
        try
        {
            report = JsonSerializer.Deserialize(body, HeartbeatJsonContext.Default.NodeReport);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (report is null || !state.Nodes.ContainsKey(report.NodeUid))
        {
            return Results.BadRequest();
        }
        health.Record(report);
        var granted = NodeIdentity.Find(state, options) is { } self && LeaseGrant.CanGrant(store, health, self.Uid);
        return Results.Json(new HeartbeatReply(store.IsLeader, granted, fence.Version), HeartbeatJsonContext.Default.HeartbeatReply);
    }
}
