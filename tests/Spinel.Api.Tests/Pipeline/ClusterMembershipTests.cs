using System.Net;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Pipeline;

public sealed class ClusterMembershipTests
{
    [Theory]
    [InlineData("GET", "/v1/cluster")]
    [InlineData("GET", "/v1/nodes")]
    [InlineData("GET", "/v1/bdbs")]
    [InlineData("POST", "/v1/bdbs")]
    [InlineData("GET", "/v1/users")]
    [InlineData("POST", "/v1/internal/nodes/join")]
    [InlineData("GET", "/v1/no/such/path")]
    public async Task BeforeTheClusterExists_EverythingButBootstrapIs503(string method, string path)
    {
        await using var host = await ApiTestHost.StartAsync();

        var description = await host.Client().SendJsonAsync(new HttpMethod(method), path, "{}")
            .ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "node_not_in_cluster");

        Assert.Contains("bootstrap", description, StringComparison.Ordinal);
    }
}
