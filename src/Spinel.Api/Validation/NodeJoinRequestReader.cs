using System.Net;
using System.Text.Json;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the body of <c>POST /v1/internal/nodes/join</c>, which a joining node sends to the cluster:
/// <c>{"addr", "raft_endpoint", "rest_port", "total_memory", "max_redis_servers", "rack_id"}</c>.
/// </summary>
internal static class NodeJoinRequestReader
{
    /// <summary>The candidate record with uid 0 (the store assigns one).</summary>
    public static RequestError? Read(JsonElement body, out NodeRecord candidate)
    {
        candidate = new NodeRecord { Uid = 0, Address = "", RaftEndPoint = "" };
        foreach (var property in body.EnumerateObject())
        {
            if (ReadField(property.Name, property.Value, ref candidate) is { } error)
            {
                return error;
            }
        }
        if (candidate.Address.Length == 0)
        {
            return RequestError.Parameter("addr is required");
        }
        return candidate.RaftEndPoint.Length == 0 ? RequestError.Parameter("raft_endpoint is required") : null;
    }

    private static RequestError? ReadField(string field, JsonElement value, ref NodeRecord node)
    {
        switch (field)
        {
            case "addr":
                if (JsonFields.ReadString(field, value, 64, out var address) is { } addressError)
                {
                    return addressError;
                }
                if (!IPAddress.TryParse(address, out _))
                {
                    return RequestError.Parameter($"addr '{address}' is not an IP address");
                }
                node = node with { Address = address };
                return null;
            case "raft_endpoint":
                if (JsonFields.ReadString(field, value, 64, out var raft) is { } raftError)
                {
                    return raftError;
                }
                if (!RaftEndPoints.TryParse(raft, out var endPoint))
                {
                    return RequestError.Parameter($"raft_endpoint '{raft}' is not an ip:port endpoint");
                }
                node = node with { RaftEndPoint = RaftEndPoints.Format(endPoint) };
                return null;
            case "rest_port":
                var portError = JsonFields.ReadInt(field, value, 1, 65535, out var port);
                node = portError is null ? node with { RestPort = port } : node;
                return portError;
            case "total_memory":
                var memoryError = JsonFields.ReadLong(field, value, 0, long.MaxValue, out var memory);
                node = memoryError is null ? node with { TotalMemory = memory } : node;
                return memoryError;
            case "max_redis_servers":
                var serversError = JsonFields.ReadInt(field, value, 0, 100_000, out var servers);
                node = serversError is null ? node with { MaxRedisServers = servers } : node;
                return serversError;
            case "rack_id":
                if (value.ValueKind == JsonValueKind.Null)
                {
                    node = node with { RackId = null };
                    return null;
                }
                var rackError = JsonFields.ReadString(field, value, 256, out var rack);
                node = rackError is null ? node with { RackId = rack.Length == 0 ? null : rack } : node;
                return rackError;
            default:
                return JsonFields.UnknownField(field);
        }
    }
}
