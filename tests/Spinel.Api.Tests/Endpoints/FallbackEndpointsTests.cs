using System.Net;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Endpoints;

public sealed class FallbackEndpointsTests
{
    [Theory]
    [InlineData("/v1/nothing")]
    [InlineData("/v1/bdbs/1/nothing")]
    [InlineData("/v1/")]
    public async Task UnknownPath_Is404WithErrorBody(string path)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().GetAsync(path).ExpectErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task UnknownPath_WithAnyBody_Is404()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().SendJsonAsync(HttpMethod.Post, "/v1/nothing", "plain", "text/plain").ExpectErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task UnknownPath_WithoutCredentials_Is401()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Anonymous().GetAsync("/v1/nothing").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task WrongMethod_Is405WithAllow()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().PatchAsync("/v1/bdbs/1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["DELETE", "GET", "PUT"], response.Content.Headers.Allow.Order());
        Assert.Contains("\"error_code\":\"method_not_allowed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Leader.Requests);
    }

    [Fact]
    public async Task DeleteOnTheCollection_Is405()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().DeleteAsync("/v1/bdbs").ExpectErrorAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Empty(host.Databases.Calls);
    }
}
