using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

public sealed class BdbRebalanceTests
{
    private const string Path = "/v1/bdbs/1/actions/rebalance";

    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        return host;
    }

    [Fact]
    public async Task Rebalance_DryRun_AnswersTheBlueprintOneEntryPerGroup()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PutAsync(Path + "?dry_run=true", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("""
            [{"slot_range":"0-8191","nodes":[{"node_uid":"1","role":"master"},{"node_uid":"2","role":"slave"}]},{"slot_range":"8192-16383","nodes":[{"node_uid":"3","role":"master"},{"node_uid":"1","role":"slave"}]}]
            """, body.ToJsonString());
        var request = Assert.Single(host.Rebalances.Requests);
        Assert.Equal(new RebalanceRequest(1, DryRun: true), request);
    }

    [Fact]
    public async Task Rebalance_Run_AnswersTheAction()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PutAsync(Path, null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal($$"""{"action_uid":"{{host.Rebalances.ActionUid}}","description":"Rebalance was triggered"}""", body.ToJsonString());
        Assert.Equal(new RebalanceRequest(1), Assert.Single(host.Rebalances.Requests));
    }

    [Theory]
    [InlineData("?dry_run=1", true, false, null)]
    [InlineData("?dry_run", true, false, null)]
    [InlineData("?dry_run=TRUE&only_failovers=0", true, false, null)]
    [InlineData("?dry_run=false&only_failovers=true&max_operations=3", false, true, 3)]
    [InlineData("?max_operations=1&fields=uid", false, false, 1)]
    public async Task Rebalance_QueryOptions_ReachTheOperation(string query, bool dryRun, bool onlyFailovers, int? maxOperations)
    {
        await using var host = await StartAsync();

        await host.Client().PutAsync(Path + query, null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(new RebalanceRequest(1, dryRun, onlyFailovers, maxOperations), Assert.Single(host.Rebalances.Requests));
    }

    [Fact]
    public async Task Rebalance_EmptyJsonObject_IsAccepted()
    {
        await using var host = await StartAsync();

        await host.Client().PutJsonAsync(Path, "{}").ExpectAsync(HttpStatusCode.OK);

        Assert.Single(host.Rebalances.Requests);
    }

    [Theory]
    [InlineData("?max_operations=0", "max_operations")]
    [InlineData("?max_operations=-2", "max_operations")]
    [InlineData("?max_operations=two", "max_operations")]
    [InlineData("?max_operations=1&max_operations=2", "max_operations")]
    [InlineData("?dry_run=yes", "dry_run")]
    [InlineData("?only_failovers=2", "only_failovers")]
    public async Task Rebalance_BadQueryValue_Is406AndReachesNothing(string query, string field)
    {
        await using var host = await StartAsync();

        var description = await host.Client().PutAsync(Path + query, null).ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_parameter");

        Assert.Contains(field, description, StringComparison.Ordinal);
        Assert.Empty(host.Rebalances.Requests);
    }

    [Fact]
    public async Task Rebalance_FieldInTheBody_IsASchemaError()
    {
        await using var host = await StartAsync();

        await host.Client().PutJsonAsync(Path, """{"dry_run":true}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_schema");

        Assert.Empty(host.Rebalances.Requests);
    }

    [Fact]
    public async Task Rebalance_UnknownDatabase_Is404()
    {
        await using var host = await StartAsync();

        await host.Client().PutAsync("/v1/bdbs/7/actions/rebalance?dry_run=true", null).ExpectErrorAsync(HttpStatusCode.NotFound, "db_not_found");

        Assert.Empty(host.Rebalances.Requests);
    }

    [Theory]
    [InlineData(OperationErrorKind.Busy, "db_busy", HttpStatusCode.Conflict)]
    [InlineData(OperationErrorKind.InvalidConfiguration, "insufficient_resources", HttpStatusCode.NotAcceptable)]
    public async Task Rebalance_Refused_AnswersTheOperationsError(OperationErrorKind kind, string errorCode, HttpStatusCode status)
    {
        await using var host = await StartAsync();
        host.Rebalances.Error = new OperationError(kind, errorCode, "refused");

        var description = await host.Client().PutAsync(Path, null).ExpectErrorAsync(status, errorCode);

        Assert.Equal("refused", description);
    }

    [Fact]
    public async Task Rebalance_NeedsToManageDatabases()
    {
        await using var host = await StartAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);
        host.AddUser("viewer", "pw", UserRole.DbViewer);

        await host.Client("member", "pw").PutAsync(Path, null).ExpectAsync(HttpStatusCode.OK);
        await host.Client("viewer", "pw").PutAsync(Path, null).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");

        Assert.Single(host.Rebalances.Requests);
    }

    [Fact]
    public async Task Rebalance_OnFollower_IsRelayedWithItsQuery()
    {
        await using var host = await StartAsync();
        host.FollowNode2();

        await host.Client().PutAsync(Path + "?dry_run=true&max_operations=2", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("https://127.0.0.2:9443/v1/bdbs/1/actions/rebalance?dry_run=true&max_operations=2", Assert.Single(host.Leader.Requests).Uri.ToString());
        Assert.Empty(host.Rebalances.Requests);
    }
}
