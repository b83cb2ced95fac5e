using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyRecoverCluster(ClusterState state, RecoverCluster command)
    {
        if (state.IsCreated)
        {
            return Reject(state, RejectionCode.AlreadyExists, $"cluster {state.Cluster!.Name} already exists");
        }
        if (!command.State.IsCreated)
        {
            return Reject(state, RejectionCode.Invalid, "the saved configuration holds no cluster");
        }
        return Accept(command.State);
    }

    private static CommandResult ApplyCreateCluster(ClusterState state, CreateCluster command)
    {
        if (state.IsCreated)
        {
            return Reject(state, RejectionCode.AlreadyExists, $"cluster {state.Cluster!.Name} already exists");
        }
        if (string.IsNullOrWhiteSpace(command.Cluster.Name))
        {
            return Reject(state, RejectionCode.Invalid, "cluster name is empty");
        }
        var next = state with { Cluster = command.Cluster };
        var assigned = new List<int>();
        if (command.FirstNode is { } node)
        {
            var added = ApplyAddNode(next, new AddNode { Node = node });
            if (!added.Accepted)
            {
                return Reject(state, added.Rejection!);
            }
            next = added.State;
            assigned.AddRange(added.AssignedUids);
        }
        if (command.Admin is { } admin)
        {
            var put = ApplyPutUser(next, new PutUser { User = admin, ExpectedVersion = 0 });
            if (!put.Accepted)
            {
                return Reject(state, put.Rejection!);
            }
            next = put.State;
            assigned.AddRange(put.AssignedUids);
        }
        // The nested steps each counted a version; creating the cluster is one change.
        return Accept(next with { Version = state.Version }, assigned.ToValueList());
    }

    private static CommandResult ApplyUpdateCluster(ClusterState state, UpdateCluster command)
    {
        var cluster = command.Cluster;
        if (!string.Equals(cluster.Name, state.Cluster!.Name, StringComparison.Ordinal))
        {
            return Reject(state, RejectionCode.Invalid, "the cluster name cannot change");
        }
        if (cluster.SlaveHaGracePeriod < 0)
        {
            return Reject(state, RejectionCode.Invalid, "slave_ha_grace_period is negative");
        }
        // The certificate authority is not the caller's to replace, and the custom certificates have their own command.
        return Accept(state with
        {
            Cluster = cluster with
            {
                CertificateAuthorityPem = state.Cluster.CertificateAuthorityPem,
                CertificateAuthorityKeyPem = state.Cluster.CertificateAuthorityKeyPem,
                ProxyCertificate = state.Cluster.ProxyCertificate,
                ApiCertificate = state.Cluster.ApiCertificate,
            },
        });
    }

    private static CommandResult ApplyUpdateCertificate(ClusterState state, UpdateCertificate command)
    {
        if (string.IsNullOrWhiteSpace(command.Certificate.CertificatePem) || string.IsNullOrWhiteSpace(command.Certificate.KeyPem))
        {
            return Reject(state, RejectionCode.Invalid, "the certificate and its key are required");
        }
        var cluster = state.Cluster!;
        return command.Name switch
        {
            CertificateName.Proxy => Accept(state with { Cluster = cluster with { ProxyCertificate = command.Certificate } }),
            CertificateName.Api => Accept(state with { Cluster = cluster with { ApiCertificate = command.Certificate } }),
            _ => Reject(state, RejectionCode.Invalid, $"unknown certificate name {command.Name}"),
        };
    }

    private static CommandResult ApplyAddNode(ClusterState state, AddNode command)
    {
        var node = command.Node;
        if (node.Uid < 0)
        {
            return Reject(state, RejectionCode.Invalid, $"node uid {node.Uid} is negative");
        }
        if (node.Uid > 0 && state.Nodes.ContainsKey(node.Uid))
        {
            return Reject(state, RejectionCode.AlreadyExists, $"node {node.Uid} already exists");
        }
        var uid = node.Uid == 0 ? state.NextNodeUid : node.Uid;
        if (ValidateNode(state, node, uid) is { } rejection)
        {
            return Reject(state, rejection);
        }
        return Accept(state with
        {
            Nodes = state.Nodes.SetItem(uid, node with { Uid = uid, Version = 1 }),
            NextNodeUid = Math.Max(state.NextNodeUid, uid + 1),
        }, [uid]);
    }

    private static CommandResult ApplyUpdateNode(ClusterState state, UpdateNode command)
    {
        var node = command.Node;
        var current = state.Nodes.GetValueOrDefault(node.Uid);
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"node {node.Uid} does not exist");
        }
        if ((CheckVersion($"node {node.Uid}", current.Version, command.ExpectedVersion) ?? ValidateNode(state, node, node.Uid)) is { } rejection)
        {
            return Reject(state, rejection);
        }
        return Accept(state with { Nodes = state.Nodes.SetItem(node.Uid, node with { Version = current.Version + 1 }) });
    }

    private static CommandResult ApplyRemoveNode(ClusterState state, RemoveNode command)
    {
        var current = state.Nodes.GetValueOrDefault(command.Uid);
        if (CheckVersion($"node {command.Uid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"node {command.Uid} does not exist");
        }
        if (state.ShardsOnNode(command.Uid).FirstOrDefault() is { } shard)
        {
            return Reject(state, RejectionCode.InUse, $"node {command.Uid} still runs shard {shard.Uid}");
        }
        if (state.Endpoints.Values.FirstOrDefault(e => e.NodeUids.Contains(command.Uid)) is { } endpoint)
        {
            return Reject(state, RejectionCode.InUse, $"node {command.Uid} still binds endpoint {endpoint.Uid}");
        }
        return Accept(state with { Nodes = state.Nodes.Remove(command.Uid) });
    }

    private static CommandRejection? ValidateNode(ClusterState state, NodeRecord node, int uid)
    {
        if (string.IsNullOrWhiteSpace(node.Address))
        {
            return new(RejectionCode.Invalid, "node address is empty");
        }
        if (string.IsNullOrWhiteSpace(node.RaftEndPoint))
        {
            return new(RejectionCode.Invalid, "node raft endpoint is empty");
        }
        foreach (var other in state.Nodes.Values)
        {
            if (other.Uid == uid)
            {
                continue;
            }
            if (string.Equals(other.Address, node.Address, StringComparison.OrdinalIgnoreCase))
            {
                return new(RejectionCode.AlreadyExists, $"node {other.Uid} already has address {node.Address}");
            }
            if (string.Equals(other.RaftEndPoint, node.RaftEndPoint, StringComparison.OrdinalIgnoreCase))
            {
                return new(RejectionCode.AlreadyExists, $"node {other.Uid} already has raft endpoint {node.RaftEndPoint}");
            }
        }
        return null;
    }
}
