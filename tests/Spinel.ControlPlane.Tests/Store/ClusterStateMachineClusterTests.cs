using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineClusterTests
{
    [Fact]
    public void CreateCluster_OnEmptyState_CreatesClusterNodeAndAdminAsOneVersion()
    {
        var result = Execute(ClusterState.Empty, new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1), Admin = Records.User() });

        var state = StateAssert.Accepted(result);
        Assert.Equal(1, state.Version);
        Assert.Equal("cluster.local", state.Cluster!.Name);
        Assert.Equal(Records.Time, state.Cluster.CreatedTime);
        Assert.Equal([1, 1], result.AssignedUids);
        Assert.Equal(1, state.Nodes[1].Version);
        Assert.Equal("127.0.0.1", state.Nodes[1].Address);
        Assert.Equal(UserRole.Admin, state.Users[1].Role);
        Assert.Equal(2, state.NextNodeUid);
        Assert.Equal(2, state.NextUserUid);
    }

    [Fact]
    public void CreateCluster_WithoutNodeOrAdmin_CreatesOnlyTheCluster()
    {
        var state = StateAssert.Accepted(Execute(ClusterState.Empty, new CreateCluster { Cluster = Records.Cluster() }));

        Assert.True(state.IsCreated);
        Assert.Empty(state.Nodes);
        Assert.Empty(state.Users);
    }

    [Fact]
    public void CreateCluster_Twice_IsRejectedAsAlreadyExists()
    {
        var created = Records.Created();

        StateAssert.Rejected(created, Execute(created, new CreateCluster { Cluster = Records.Cluster("other.local") }), RejectionCode.AlreadyExists);
    }

    [Fact]
    public void CreateCluster_WithEmptyName_IsRejectedAsInvalid()
    {
        StateAssert.Rejected(ClusterState.Empty, Execute(ClusterState.Empty, new CreateCluster { Cluster = Records.Cluster(" ") }), RejectionCode.Invalid);
    }

    [Fact]
    public void CreateCluster_WithInvalidFirstNode_IsRejectedWhole()
    {
        var command = new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1) with { Address = "" } };

        StateAssert.Rejected(ClusterState.Empty, Execute(ClusterState.Empty, command), RejectionCode.Invalid);
    }

    [Fact]
    public void CreateCluster_WithInvalidAdmin_IsRejectedWhole()
    {
        var command = new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1), Admin = Records.User() with { PasswordHash = "" } };

        StateAssert.Rejected(ClusterState.Empty, Execute(ClusterState.Empty, command), RejectionCode.Invalid);
    }

    [Theory]
    [MemberData(nameof(CommandSamples.AllNeedingACluster), MemberType = typeof(CommandSamples))]
    public void AnyOtherCommand_BeforeCreateCluster_IsRejectedAsClusterNotCreated(ClusterCommand command)
    {
        StateAssert.Rejected(ClusterState.Empty, Execute(ClusterState.Empty, command), RejectionCode.ClusterNotCreated);
    }

    [Fact]
    public void ExpectedClusterVersion_Matching_IsApplied()
    {
        var created = Records.Created();

        var state = StateAssert.Accepted(Execute(created, new AddNode { Node = Records.Node(4), ExpectedClusterVersion = created.Version }));

        Assert.Equal(created.Version + 1, state.Version);
    }

    [Fact]
    public void ExpectedClusterVersion_Stale_IsRejectedAsVersionConflict()
    {
        var created = Records.Created();

        var rejection = StateAssert.Rejected(created, Execute(created, new AddNode { Node = Records.Node(4), ExpectedClusterVersion = created.Version - 1 }), RejectionCode.VersionConflict);

        Assert.Contains($"version {created.Version}", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_GrowsByOnePerAppliedCommandAndNotOnRejection()
    {
        var state = Records.Created();
        var before = state.Version;

        state = Apply(state, new AddNode { Node = Records.Node(4) });
        state = Apply(state, new AddNode { Node = Records.Node(4) });
        state = Apply(state, new PutBdb { Bdb = Records.Bdb() });

        Assert.Equal(before + 2, state.Version);
    }

    [Fact]
    public void Apply_ReturnsTheSameInstanceOnRejection()
    {
        var created = Records.Created();

        Assert.Same(created, Apply(created, new RemoveNode { Uid = 42 }));
    }

    [Fact]
    public void UpdateCertificate_SetsTheNamedPairOnly_AndUpdateClusterKeepsIt()
    {
        var proxy = new CertificatePair { CertificatePem = "cert", KeyPem = "key" };

        var state = StateAssert.Accepted(Execute(Records.Created(), new UpdateCertificate { Name = CertificateName.Proxy, Certificate = proxy }));
        state = StateAssert.Accepted(Execute(state, new UpdateCluster { Cluster = state.Cluster! with { SlaveHa = false, ProxyCertificate = null, ApiCertificate = proxy } }));

        Assert.Equal(proxy, state.Cluster!.ProxyCertificate);
        Assert.Null(state.Cluster.ApiCertificate);
        Assert.False(state.Cluster.SlaveHa);
    }

    [Fact]
    public void UpdateCertificate_WithoutKey_IsRejectedAsInvalid()
    {
        var created = Records.Created();

        StateAssert.Rejected(created, Execute(created, new UpdateCertificate { Name = CertificateName.Api, Certificate = new CertificatePair { CertificatePem = "cert", KeyPem = " " } }),
            RejectionCode.Invalid);
    }
}
