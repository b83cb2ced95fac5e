using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class ClusterUpdateTests
{
    [Fact]
    public async Task PutCluster_HaSettings_AreProposedAndAnswered()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var version = host.Store.Current.Version;

        var cluster = await host.Client()
            .PutJsonAsync("/v1/cluster", """{"name":"cluster.local","failure_detection_sensitivity":"low","slave_ha":false,"slave_ha_grace_period":0}""")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("""
            {"name":"cluster.local","created_time":"2025-03-01T12:00:00Z","failure_detection_sensitivity":"low","slave_ha":false,"slave_ha_grace_period":0}
            """.Trim(), cluster.ToJsonString());
        var update = Assert.IsType<UpdateCluster>(Assert.Single(host.Store.Proposals));
        Assert.Equal(version, update.ExpectedClusterVersion);
        var stored = host.Store.Current.Cluster!;
        Assert.Equal((FailureDetectionSensitivity.Low, false, 0), (stored.FailureDetectionSensitivity, stored.SlaveHa, stored.SlaveHaGracePeriod));
        Assert.Equal(ApiTestHost.CaPem, stored.CertificateAuthorityPem);
    }

    [Fact]
    public async Task PutCluster_OneSetting_KeepsTheOthers()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/cluster", """{"slave_ha_grace_period":1800}""").ExpectAsync(HttpStatusCode.OK);

        var cluster = await host.Client().GetOkAsync("/v1/cluster");
        Assert.Equal(1800, (int)cluster["slave_ha_grace_period"]!);
        Assert.Equal("high", (string?)cluster["failure_detection_sensitivity"]);
        Assert.True((bool)cluster["slave_ha"]!);
    }

    [Fact]
    public async Task PutCluster_SameValues_ProposesNothing()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/cluster", """{"failure_detection_sensitivity":"high","slave_ha":true,"slave_ha_grace_period":600}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task PutCluster_StateMovesUnderTheProposal_MergesAgainOverTheNewState()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var moved = false;
        host.Store.BeforePropose = () =>
        {
            if (!moved)
            {
                moved = true;
                host.Store.Apply(new UpdateCluster { Cluster = host.Store.Current.Cluster! with { SlaveHaGracePeriod = 42 } });
            }
        };

        await host.Client().PutJsonAsync("/v1/cluster", """{"slave_ha":false}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, host.Store.Proposals.Count);
        var stored = host.Store.Current.Cluster!;
        Assert.False(stored.SlaveHa);
        Assert.Equal(42, stored.SlaveHaGracePeriod);
    }

    [Fact]
    public async Task PutCluster_StateKeepsMoving_Is409AfterFiveProposals()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.BeforePropose = () => host.Store.Apply(new PutAction { Action = new ActionRecord { ActionUid = Guid.NewGuid().ToString(), Name = "x", ObjectName = "bdb:1" } });

        await host.Client().PutJsonAsync("/v1/cluster", """{"slave_ha":false}""").ExpectErrorAsync(HttpStatusCode.Conflict, "busy");

        Assert.Equal(5, host.Store.Proposals.Count);
        Assert.True(host.Store.Current.Cluster!.SlaveHa);
    }

    [Fact]
    public async Task PutCluster_ProposalWithoutQuorum_Is503()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.ForcedStatus = ProposeStatus.NoQuorum;

        await host.Client().PutJsonAsync("/v1/cluster", """{"slave_ha":false}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");
    }

    [Fact]
    public async Task PutCluster_ProposalOnAFormerLeader_IsRelayed()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.2:3333");
        host.Store.ForcedStatus = ProposeStatus.NotLeader;

        await host.Client().PutJsonAsync("/v1/cluster", """{"slave_ha":false}""").ExpectAsync(HttpStatusCode.OK);

        var forwarded = Assert.Single(host.Leader.Requests);
        Assert.Equal("PUT", forwarded.Method);
        Assert.Equal("""{"slave_ha":false}""", forwarded.Body);
    }

    [Fact]
    public async Task PutCluster_OnFollower_IsRelayedWithoutProposing()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.FollowNode2();

        await host.Client().PutJsonAsync("/v1/cluster", """{"failure_detection_sensitivity":"low"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("https://127.0.0.2:9443/v1/cluster", Assert.Single(host.Leader.Requests).Uri.ToString());
        Assert.Empty(host.Store.Proposals);
    }
}
