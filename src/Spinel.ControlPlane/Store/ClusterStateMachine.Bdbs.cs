using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyPutBdb(ClusterState state, PutBdb command)
    {
        var bdb = command.Bdb;
        if (bdb.Uid < 0)
        {
            return Reject(state, RejectionCode.Invalid, $"bdb uid {bdb.Uid} is negative");
        }
        var uid = bdb.Uid == 0 ? state.NextBdbUid : bdb.Uid;
        var current = bdb.Uid == 0 ? null : state.Bdbs.GetValueOrDefault(uid);
        if ((CheckVersion($"bdb {uid}", current?.Version, command.ExpectedVersion) ?? ValidateBdb(state, bdb, uid)) is { } rejection)
        {
            return Reject(state, rejection);
        }
        var stored = bdb with { Uid = uid, Version = (current?.Version ?? 0) + 1 };
        return Accept(state with
        {
            Bdbs = state.Bdbs.SetItem(uid, stored),
            NextBdbUid = Math.Max(state.NextBdbUid, uid + 1),
        }, current is null ? [uid] : default);
    }

    private static CommandResult ApplyDeleteBdb(ClusterState state, DeleteBdb command)
    {
        var current = state.Bdbs.GetValueOrDefault(command.Uid);
        if (CheckVersion($"bdb {command.Uid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"bdb {command.Uid} does not exist");
        }
        return Accept(state with
        {
            Bdbs = state.Bdbs.Remove(command.Uid),
            Shards = state.Shards.RemoveRange(state.ShardsOf(command.Uid).Select(s => s.Uid).ToList()),
            Endpoints = state.Endpoints.RemoveRange(state.EndpointsOf(command.Uid).Select(e => e.Uid).ToList()),
        });
    }

    private static CommandResult ApplyPutEndpoint(ClusterState state, PutEndpoint command)
    {
        var endpoint = command.Endpoint;
        if (CheckBdb(state, endpoint.BdbUid, command.ExpectedBdbVersion, out var bdb) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (string.IsNullOrWhiteSpace(endpoint.Uid))
        {
            return Reject(state, RejectionCode.Invalid, "endpoint uid is empty");
        }
        if (state.Endpoints.GetValueOrDefault(endpoint.Uid) is { } existing && existing.BdbUid != endpoint.BdbUid)
        {
            return Reject(state, RejectionCode.Invalid, $"endpoint {endpoint.Uid} belongs to bdb {existing.BdbUid}");
        }
        if (endpoint.Port <= 0)
        {
            return Reject(state, RejectionCode.Invalid, $"endpoint {endpoint.Uid} has no port");
        }
        if (endpoint.NodeUids.Where(n => !state.Nodes.ContainsKey(n)).Select(n => (int?)n).FirstOrDefault() is { } missing)
        {
            return Reject(state, RejectionCode.NotFound, $"node {missing} of endpoint {endpoint.Uid} does not exist");
        }
        if (state.Endpoints.Values.FirstOrDefault(e => e.Port == endpoint.Port && e.BdbUid != endpoint.BdbUid) is { } clash)
        {
            return Reject(state, RejectionCode.InUse, $"port {endpoint.Port} is used by endpoint {clash.Uid}");
        }
        return Accept(state with
        {
            Endpoints = state.Endpoints.SetItem(endpoint.Uid, endpoint),
            Bdbs = state.Bdbs.SetItem(bdb.Uid, bdb with { Version = bdb.Version + 1 }),
        });
    }

    private static CommandResult ApplyDeleteEndpoint(ClusterState state, DeleteEndpoint command)
    {
        if (state.Endpoints.GetValueOrDefault(command.Uid) is not { } endpoint)
        {
            return Reject(state, RejectionCode.NotFound, $"endpoint {command.Uid} does not exist");
        }
        if (CheckBdb(state, endpoint.BdbUid, command.ExpectedBdbVersion, out var bdb) is { } rejection)
        {
            return Reject(state, rejection);
        }
        return Accept(state with
        {
            Endpoints = state.Endpoints.Remove(command.Uid),
            Bdbs = state.Bdbs.SetItem(bdb.Uid, bdb with { Version = bdb.Version + 1 }),
        });
    }

    private static CommandRejection? CheckBdb(ClusterState state, int bdbUid, long? expectedVersion, out BdbRecord bdb)
    {
        bdb = state.Bdbs.GetValueOrDefault(bdbUid)!;
        if (bdb is null)
        {
            return new(RejectionCode.NotFound, $"bdb {bdbUid} does not exist");
        }
        return expectedVersion is { } expected && expected != bdb.Version
            ? new(RejectionCode.VersionConflict, $"bdb {bdbUid} is at version {bdb.Version}, not {expected}")
            : null;
    }

    private static CommandRejection? ValidateBdb(ClusterState state, BdbRecord bdb, int uid)
    {
        if (string.IsNullOrWhiteSpace(bdb.Name))
        {
            return new(RejectionCode.Invalid, "bdb name is empty");
        }
        if (bdb.ShardsCount < 1)
        {
            return new(RejectionCode.Invalid, $"bdb {bdb.Name} has {bdb.ShardsCount} shards");
        }
        if (bdb.MemorySize < 0)
        {
            return new(RejectionCode.Invalid, $"bdb {bdb.Name} has a negative memory size");
        }
        foreach (var other in state.Bdbs.Values)
        {
            if (other.Uid == uid)
            {
                continue;
            }
            if (string.Equals(other.Name, bdb.Name, StringComparison.OrdinalIgnoreCase))
            {
                return new(RejectionCode.AlreadyExists, $"bdb {other.Uid} is already named {bdb.Name}");
            }
            if (bdb.Port != 0 && other.Port == bdb.Port)
            {
                return new(RejectionCode.InUse, $"port {bdb.Port} is used by bdb {other.Uid}");
            }
        }
        return ValidateRolesPermissions(state, bdb);
    }
}
