using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Store;
using Spinel.Resp.Slots;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the body of <c>POST /v1/bdbs</c> and <c>PUT /v1/bdbs/{uid}</c> strictly: every field known, of its type and in
/// its range, none read-only; then checks the fields against each other.
/// </summary>
internal static class BdbRequestReader
{
    /// <summary>A new database: <c>name</c> and <c>memory_size</c> are required, everything else has its default.</summary>
    public static RequestError? ReadCreate(JsonElement body, DateTimeOffset now, out BdbRecord bdb)
    {
        bdb = new BdbRecord { Name = "", MemorySize = 0, Status = BdbStatus.Pending, CreatedTime = now, LastChangedTime = now };
        if (Apply(body, isUpdate: false, ref bdb) is { } error)
        {
            return error;
        }
        if (!body.TryGetProperty("name", out _))
        {
            return RequestError.NotAcceptable(ErrorCodes.MissingDbName, "name is required");
        }
        if (!body.TryGetProperty("memory_size", out _))
        {
            return RequestError.NotAcceptable(ErrorCodes.MissingMemorySize, "memory_size is required");
        }
        return CheckConsistency(ref bdb);
    }

    /// <summary>A change: the given fields merged over <paramref name="current"/>.</summary>
    public static RequestError? ReadUpdate(JsonElement body, BdbRecord current, DateTimeOffset now, out BdbRecord desired)
    {
        desired = current with { LastChangedTime = now };
        return Apply(body, isUpdate: true, ref desired) ?? CheckConsistency(ref desired);
    }

    private static RequestError? Apply(JsonElement body, bool isUpdate, ref BdbRecord bdb)
    {
        foreach (var property in body.EnumerateObject())
        {
            var field = property.Name;
            if (BdbFields.ReadOnly.Contains(field) || (isUpdate && BdbFields.CreateOnly.Contains(field)))
            {
                return JsonFields.ReadOnlyField(field);
            }
            if (!BdbFields.Writable.TryGetValue(field, out var set))
            {
                return JsonFields.UnknownField(field);
            }
            if (set(field, property.Value, ref bdb) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static RequestError? CheckConsistency(ref BdbRecord bdb)
    {
        if (bdb.Sharding && bdb.ShardKeyRegex.Count == 0)
        {
            bdb = bdb with { ShardKeyRegex = [.. KeyHashing.DefaultRules] };
        }
        if (bdb.ShardsCount > 1 && !bdb.Sharding)
        {
            return RequestError.NotAcceptable(ErrorCodes.InvalidSharding,
                $"sharding must be enabled for shards_count {bdb.ShardsCount}: set sharding true in the same request (it cannot be turned off with more than one shard)");
        }
        return null;
    }
}
