using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Forwarding;

public sealed class LeaderForwardingTests
{
    private static async Task<ApiTestHost> StartFollowerAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new AddNode { Node = new NodeRecord { Address = "127.0.0.2", RaftEndPoint = "127.0.0.2:3333", RestPort = 9444 } });
        host.Store.IsLeader = false;
        host.Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.2:3333");
        return host;
    }

    [Fact]
    public async Task WriteOnFollower_IsRelayedToTheLeaderWithAuthAndBody()
    {
        await using var host = await StartFollowerAsync();
        host.Leader.Status = HttpStatusCode.Accepted;
        host.Leader.Body = """{"uid":7,"name":"from-leader"}""";
        const string Body = """{"name":"db1","memory_size":1}""";
        var client = host.Client();

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/bdbs?dry_run=1", Body, "application/json; charset=UTF-8");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"uid":7,"name":"from-leader"}""", await response.Content.ReadAsStringAsync());
        var forwarded = Assert.Single(host.Leader.Requests);
        Assert.Equal("POST", forwarded.Method);
        Assert.Equal("https://127.0.0.2:9444/v1/bdbs?dry_run=1", forwarded.Uri.ToString());
        Assert.Equal(client.DefaultRequestHeaders.Authorization!.ToString(), forwarded.Headers["Authorization"]);
        Assert.Equal("1", forwarded.Headers["X-Spinel-Forwarded"]);
        Assert.Equal("application/json; charset=UTF-8", forwarded.ContentType);
        Assert.Equal(Body, forwarded.Body);
        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Forwarding_TrustsTheClusterCa()
    {
        await using var host = await StartFollowerAsync();

        await host.Client().DeleteAsync("/v1/bdbs/1");

        Assert.Single(host.Leader.Requests);
        Assert.Equal(ApiTestHost.CaPem, host.ForwardingHandlers.LastCertificateAuthorityPem);
    }

    [Fact]
    public async Task DeleteOnFollower_IsRelayedWithoutBody()
    {
        await using var host = await StartFollowerAsync();

        await host.Client().DeleteAsync("/v1/users/4");

        var forwarded = Assert.Single(host.Leader.Requests);
        Assert.Equal("DELETE", forwarded.Method);
        Assert.Equal("https://127.0.0.2:9444/v1/users/4", forwarded.Uri.ToString());
        Assert.Null(forwarded.Body);
    }

    [Fact]
    public async Task LeaderErrors_AreRelayedAsTheyAre()
    {
        await using var host = await StartFollowerAsync();
        host.Leader.Status = HttpStatusCode.Conflict;
        host.Leader.Body = """{"error_code":"busy","description":"leader says busy"}""";

        var description = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"memory_size":1}""").ExpectErrorAsync(HttpStatusCode.Conflict, "busy");

        Assert.Equal("leader says busy", description);
    }

    [Fact]
    public async Task ReadsOnFollower_AreAnsweredLocally()
    {
        await using var host = await StartFollowerAsync();

        await host.Client().GetOkAsync("/v1/bdbs");

        Assert.Empty(host.Leader.Requests);
    }

    [Fact]
    public async Task ForwardedRequestOnFollower_IsRefusedNotForwardedAgain()
    {
        await using var host = await StartFollowerAsync();
        var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Spinel-Forwarded", "1");

        await client.PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");

        Assert.Empty(host.Leader.Requests);
    }

    [Fact]
    public async Task ForwardedRequestOnLeader_IsHandled()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Spinel-Forwarded", "1");

        await client.PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Single(host.Databases.Calls);
    }

    [Fact]
    public async Task NoKnownLeader_Is503()
    {
        await using var host = await StartFollowerAsync();
        host.Store.LeaderRaftEndPoint = null;

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");

        Assert.Empty(host.Leader.Requests);
    }

    [Fact]
    public async Task LeaderNotInTheStore_Is503()
    {
        await using var host = await StartFollowerAsync();
        host.Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.9:3333");

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");
    }

    [Fact]
    public async Task LeaderUnreachable_Is503()
    {
        await using var host = await StartFollowerAsync();
        host.Leader.Unreachable = true;

        var description = await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""")
            .ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "leader_unreachable");

        Assert.Contains("127.0.0.2", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteWithoutQuorum_Is503EvenOnTheLeader()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.HasQuorum = false;

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");
        await host.Client().GetOkAsync("/v1/bdbs");
        Assert.Empty(host.Databases.Calls);
        Assert.Empty(host.Leader.Requests);
    }

    [Fact]
    public async Task OperationAnswersNotLeader_RequestIsForwarded()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new AddNode { Node = new NodeRecord { Address = "127.0.0.2", RaftEndPoint = "127.0.0.2:3333" } });
        host.Databases.Error = new OperationError(OperationErrorKind.NotLeader, "not_leader", "lost leadership");
        // Leadership moved while the operation ran.
        host.Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.2:3333");

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Single(host.Databases.Calls);
        var forwarded = Assert.Single(host.Leader.Requests);
        Assert.Equal("https://127.0.0.2:9443/v1/bdbs", forwarded.Uri.ToString());
        Assert.Equal("""{"name":"db1","memory_size":1}""", forwarded.Body);
    }

    [Fact]
    public async Task ProposalAnswersNotLeader_RequestIsForwarded()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new AddNode { Node = new NodeRecord { Address = "127.0.0.2", RaftEndPoint = "127.0.0.2:3333" } });
        host.Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.2:3333");
        host.Store.ForcedStatus = ProposeStatus.NotLeader;

        await host.Client().PostJsonAsync("/v1/users", """{"name":"u","password":"p"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Single(host.Leader.Requests);
    }

    [Theory]
    [InlineData(ProposeStatus.NoQuorum)]
    [InlineData(ProposeStatus.Unknown)]
    public async Task ProposalWithoutQuorum_Is503(ProposeStatus status)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.ForcedStatus = status;

        await host.Client().PostJsonAsync("/v1/users", """{"name":"u","password":"p"}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");
    }
}
